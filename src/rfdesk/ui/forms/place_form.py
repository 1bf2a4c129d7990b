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
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PlaceForm(object):
    def setupUi(self, PlaceForm):
        if not PlaceForm.objectName():
            PlaceForm.setObjectName(u"PlaceForm")
        PlaceForm.resize(480, 320)
        self.outer = QVBoxLayout(PlaceForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(PlaceForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(PlaceForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.kind_label = QLabel(PlaceForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(PlaceForm)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.organisation_id_label = QLabel(PlaceForm)
        self.organisation_id_label.setObjectName(u"organisation_id_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organisation_id_label)

        self.organisation_id = QComboBox(PlaceForm)
        self.organisation_id.setObjectName(u"organisation_id")
        self.organisation_id.setEditable(True)
        self.organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.address_label = QLabel(PlaceForm)
        self.address_label.setObjectName(u"address_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(PlaceForm)
        self.address.setObjectName(u"address")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address)

        self.notes_label = QLabel(PlaceForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PlaceForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(PlaceForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(PlaceForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.kind_label.setBuddy(self.kind)
        self.organisation_id_label.setBuddy(self.organisation_id)
        self.address_label.setBuddy(self.address)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.kind)
        QWidget.setTabOrder(self.kind, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.address)
        QWidget.setTabOrder(self.address, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(PlaceForm)
    # setupUi

    def retranslateUi(self, PlaceForm):
        PlaceForm.setWindowTitle(QCoreApplication.translate("PlaceForm", u"Place", None))
        self.name_label.setText(QCoreApplication.translate("PlaceForm", u"Name", None))
        self.kind_label.setText(QCoreApplication.translate("PlaceForm", u"Kind", None))
        self.organisation_id_label.setText(QCoreApplication.translate("PlaceForm", u"Organisation", None))
        self.address_label.setText(QCoreApplication.translate("PlaceForm", u"Address", None))
        self.notes_label.setText(QCoreApplication.translate("PlaceForm", u"Notes", None))
    # retranslateUi

