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

class Ui_OrganisationForm(object):
    def setupUi(self, OrganisationForm):
        if not OrganisationForm.objectName():
            OrganisationForm.setObjectName(u"OrganisationForm")
        OrganisationForm.resize(480, 380)
        self.outer = QVBoxLayout(OrganisationForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(OrganisationForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(OrganisationForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.short_name_label = QLabel(OrganisationForm)
        self.short_name_label.setObjectName(u"short_name_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.short_name_label)

        self.short_name = QLineEdit(OrganisationForm)
        self.short_name.setObjectName(u"short_name")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.short_name)

        self.kind_label = QLabel(OrganisationForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(OrganisationForm)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.parent_id_label = QLabel(OrganisationForm)
        self.parent_id_label.setObjectName(u"parent_id_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parent_id_label)

        self.parent_id = QComboBox(OrganisationForm)
        self.parent_id.setObjectName(u"parent_id")
        self.parent_id.setEditable(True)
        self.parent_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent_id)

        self.address_label = QLabel(OrganisationForm)
        self.address_label.setObjectName(u"address_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(OrganisationForm)
        self.address.setObjectName(u"address")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address)

        self.phone_label = QLabel(OrganisationForm)
        self.phone_label.setObjectName(u"phone_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(OrganisationForm)
        self.phone.setObjectName(u"phone")

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phone)

        self.notes_label = QLabel(OrganisationForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(OrganisationForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(OrganisationForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(OrganisationForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.short_name_label.setBuddy(self.short_name)
        self.kind_label.setBuddy(self.kind)
        self.parent_id_label.setBuddy(self.parent_id)
        self.address_label.setBuddy(self.address)
        self.phone_label.setBuddy(self.phone)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.short_name)
        QWidget.setTabOrder(self.short_name, self.kind)
        QWidget.setTabOrder(self.kind, self.parent_id)
        QWidget.setTabOrder(self.parent_id, self.address)
        QWidget.setTabOrder(self.address, self.phone)
        QWidget.setTabOrder(self.phone, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(OrganisationForm)
    # setupUi

    def retranslateUi(self, OrganisationForm):
        OrganisationForm.setWindowTitle(QCoreApplication.translate("OrganisationForm", u"Organisation", None))
        self.name_label.setText(QCoreApplication.translate("OrganisationForm", u"Name", None))
        self.short_name_label.setText(QCoreApplication.translate("OrganisationForm", u"Short name", None))
        self.kind_label.setText(QCoreApplication.translate("OrganisationForm", u"Kind", None))
        self.parent_id_label.setText(QCoreApplication.translate("OrganisationForm", u"Parent organisation", None))
        self.address_label.setText(QCoreApplication.translate("OrganisationForm", u"Address", None))
        self.phone_label.setText(QCoreApplication.translate("OrganisationForm", u"Phone", None))
        self.notes_label.setText(QCoreApplication.translate("OrganisationForm", u"Notes", None))
    # retranslateUi

