"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ResourceForm(object):
    def setupUi(self, ResourceForm):
        if not ResourceForm.objectName():
            ResourceForm.setObjectName(u"ResourceForm")
        ResourceForm.resize(560, 600)
        self.outer = QVBoxLayout(ResourceForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.category_label = QLabel(ResourceForm)
        self.category_label.setObjectName(u"category_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(ResourceForm)
        self.category.setObjectName(u"category")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.category)

        self.kind_label = QLabel(ResourceForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(ResourceForm)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.name_label = QLabel(ResourceForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ResourceForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name)

        self.code_label = QLabel(ResourceForm)
        self.code_label.setObjectName(u"code_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(ResourceForm)
        self.code.setObjectName(u"code")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.code)

        self.organisation_id_label = QLabel(ResourceForm)
        self.organisation_id_label.setObjectName(u"organisation_id_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organisation_id_label)

        self.organisation_id = QComboBox(ResourceForm)
        self.organisation_id.setObjectName(u"organisation_id")
        self.organisation_id.setEditable(True)
        self.organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.place_id_label = QLabel(ResourceForm)
        self.place_id_label.setObjectName(u"place_id_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_id_label)

        self.place_id = QComboBox(ResourceForm)
        self.place_id.setObjectName(u"place_id")
        self.place_id.setEditable(True)
        self.place_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place_id)

        self.address_label = QLabel(ResourceForm)
        self.address_label.setObjectName(u"address_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(ResourceForm)
        self.address.setObjectName(u"address")

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.address)

        self.capacity_people_label = QLabel(ResourceForm)
        self.capacity_people_label.setObjectName(u"capacity_people_label")

        self.fields.setWidget(7, QFormLayout.ItemRole.LabelRole, self.capacity_people_label)

        self.capacity_people = QSpinBox(ResourceForm)
        self.capacity_people.setObjectName(u"capacity_people")
        self.capacity_people.setMaximum(10000000)
        self.capacity_people.setMinimum(0)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.capacity_people)

        self.area_m2_label = QLabel(ResourceForm)
        self.area_m2_label.setObjectName(u"area_m2_label")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.area_m2_label)

        self.area_m2 = QLineEdit(ResourceForm)
        self.area_m2.setObjectName(u"area_m2")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.area_m2)

        self.serial_no_label = QLabel(ResourceForm)
        self.serial_no_label.setObjectName(u"serial_no_label")

        self.fields.setWidget(9, QFormLayout.ItemRole.LabelRole, self.serial_no_label)

        self.serial_no = QLineEdit(ResourceForm)
        self.serial_no.setObjectName(u"serial_no")

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.serial_no)

        self.status_label = QLabel(ResourceForm)
        self.status_label.setObjectName(u"status_label")

        self.fields.setWidget(10, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(ResourceForm)
        self.status.setObjectName(u"status")

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.status)

        self.unit_of_measure_label = QLabel(ResourceForm)
        self.unit_of_measure_label.setObjectName(u"unit_of_measure_label")

        self.fields.setWidget(11, QFormLayout.ItemRole.LabelRole, self.unit_of_measure_label)

        self.unit_of_measure = QLineEdit(ResourceForm)
        self.unit_of_measure.setObjectName(u"unit_of_measure")

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.unit_of_measure)

        self.min_stock_label = QLabel(ResourceForm)
        self.min_stock_label.setObjectName(u"min_stock_label")

        self.fields.setWidget(12, QFormLayout.ItemRole.LabelRole, self.min_stock_label)

        self.min_stock = QLineEdit(ResourceForm)
        self.min_stock.setObjectName(u"min_stock")

        self.fields.setWidget(12, QFormLayout.ItemRole.FieldRole, self.min_stock)

        self.notes_label = QLabel(ResourceForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(13, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(ResourceForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(ResourceForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(ResourceForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.category_label.setBuddy(self.category)
        self.kind_label.setBuddy(self.kind)
        self.name_label.setBuddy(self.name)
        self.code_label.setBuddy(self.code)
        self.organisation_id_label.setBuddy(self.organisation_id)
        self.place_id_label.setBuddy(self.place_id)
        self.address_label.setBuddy(self.address)
        self.capacity_people_label.setBuddy(self.capacity_people)
        self.area_m2_label.setBuddy(self.area_m2)
        self.serial_no_label.setBuddy(self.serial_no)
        self.status_label.setBuddy(self.status)
        self.unit_of_measure_label.setBuddy(self.unit_of_measure)
        self.min_stock_label.setBuddy(self.min_stock)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.category, self.kind)
        QWidget.setTabOrder(self.kind, self.name)
        QWidget.setTabOrder(self.name, self.code)
        QWidget.setTabOrder(self.code, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.place_id)
        QWidget.setTabOrder(self.place_id, self.address)
        QWidget.setTabOrder(self.address, self.capacity_people)
        QWidget.setTabOrder(self.capacity_people, self.area_m2)
        QWidget.setTabOrder(self.area_m2, self.serial_no)
        QWidget.setTabOrder(self.serial_no, self.status)
        QWidget.setTabOrder(self.status, self.unit_of_measure)
        QWidget.setTabOrder(self.unit_of_measure, self.min_stock)
        QWidget.setTabOrder(self.min_stock, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(ResourceForm)
    # setupUi

    def retranslateUi(self, ResourceForm):
        ResourceForm.setWindowTitle(QCoreApplication.translate("ResourceForm", u"War-readiness resource", None))
        self.category_label.setText(QCoreApplication.translate("ResourceForm", u"Category", None))
        self.kind_label.setText(QCoreApplication.translate("ResourceForm", u"Kind", None))
        self.name_label.setText(QCoreApplication.translate("ResourceForm", u"Name", None))
        self.code_label.setText(QCoreApplication.translate("ResourceForm", u"Code", None))
        self.organisation_id_label.setText(QCoreApplication.translate("ResourceForm", u"Organisation", None))
        self.place_id_label.setText(QCoreApplication.translate("ResourceForm", u"Place", None))
        self.address_label.setText(QCoreApplication.translate("ResourceForm", u"Address", None))
        self.capacity_people_label.setText(QCoreApplication.translate("ResourceForm", u"Capacity (people)", None))
        self.area_m2_label.setText(QCoreApplication.translate("ResourceForm", u"Area (m\u00b2)", None))
        self.serial_no_label.setText(QCoreApplication.translate("ResourceForm", u"Serial number", None))
        self.status_label.setText(QCoreApplication.translate("ResourceForm", u"Status", None))
        self.unit_of_measure_label.setText(QCoreApplication.translate("ResourceForm", u"Unit of measure", None))
        self.min_stock_label.setText(QCoreApplication.translate("ResourceForm", u"Minimum stock", None))
        self.notes_label.setText(QCoreApplication.translate("ResourceForm", u"Notes", None))
    # retranslateUi

