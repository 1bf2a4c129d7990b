"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PartyBranchForm(object):
    def setupUi(self, PartyBranchForm):
        if not PartyBranchForm.objectName():
            PartyBranchForm.setObjectName(u"PartyBranchForm")
        PartyBranchForm.resize(480, 340)
        self.outer = QVBoxLayout(PartyBranchForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(PartyBranchForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(PartyBranchForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.organisation_id_label = QLabel(PartyBranchForm)
        self.organisation_id_label.setObjectName(u"organisation_id_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organisation_id_label)

        self.organisation_id = QComboBox(PartyBranchForm)
        self.organisation_id.setObjectName(u"organisation_id")
        self.organisation_id.setEditable(True)
        self.organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.is_temporary_label = QLabel(PartyBranchForm)
        self.is_temporary_label.setObjectName(u"is_temporary_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.is_temporary_label)

        self.is_temporary = QCheckBox(PartyBranchForm)
        self.is_temporary.setObjectName(u"is_temporary")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.is_temporary)

        self.founded_on_label = QLabel(PartyBranchForm)
        self.founded_on_label.setObjectName(u"founded_on_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.founded_on_label)

        self.founded_on = QDateEdit(PartyBranchForm)
        self.founded_on.setObjectName(u"founded_on")
        self.founded_on.setCalendarPopup(True)
        self.founded_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.founded_on)

        self.dissolved_on_label = QLabel(PartyBranchForm)
        self.dissolved_on_label.setObjectName(u"dissolved_on_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dissolved_on_label)

        self.dissolved_on = QDateEdit(PartyBranchForm)
        self.dissolved_on.setObjectName(u"dissolved_on")
        self.dissolved_on.setCalendarPopup(True)
        self.dissolved_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dissolved_on)

        self.notes_label = QLabel(PartyBranchForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PartyBranchForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(PartyBranchForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(PartyBranchForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.organisation_id_label.setBuddy(self.organisation_id)
        self.is_temporary_label.setBuddy(self.is_temporary)
        self.founded_on_label.setBuddy(self.founded_on)
        self.dissolved_on_label.setBuddy(self.dissolved_on)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.is_temporary)
        QWidget.setTabOrder(self.is_temporary, self.founded_on)
        QWidget.setTabOrder(self.founded_on, self.dissolved_on)
        QWidget.setTabOrder(self.dissolved_on, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(PartyBranchForm)
    # setupUi

    def retranslateUi(self, PartyBranchForm):
        PartyBranchForm.setWindowTitle(QCoreApplication.translate("PartyBranchForm", u"Party branch", None))
        self.name_label.setText(QCoreApplication.translate("PartyBranchForm", u"Name", None))
        self.organisation_id_label.setText(QCoreApplication.translate("PartyBranchForm", u"Organisation", None))
        self.is_temporary_label.setText(QCoreApplication.translate("PartyBranchForm", u"Temporary", None))
        self.is_temporary.setText(QCoreApplication.translate("PartyBranchForm", u"Temporary party branch", None))
        self.founded_on_label.setText(QCoreApplication.translate("PartyBranchForm", u"Founded on", None))
        self.dissolved_on_label.setText(QCoreApplication.translate("PartyBranchForm", u"Dissolved on", None))
        self.notes_label.setText(QCoreApplication.translate("PartyBranchForm", u"Notes", None))
    # retranslateUi

