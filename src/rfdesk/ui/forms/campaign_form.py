"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_CampaignForm(object):
    def setupUi(self, CampaignForm):
        if not CampaignForm.objectName():
            CampaignForm.setObjectName(u"CampaignForm")
        CampaignForm.resize(440, 280)
        self.outer = QVBoxLayout(CampaignForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(CampaignForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(CampaignForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.started_on_label = QLabel(CampaignForm)
        self.started_on_label.setObjectName(u"started_on_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.started_on_label)

        self.started_on = QDateEdit(CampaignForm)
        self.started_on.setObjectName(u"started_on")
        self.started_on.setCalendarPopup(True)
        self.started_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.started_on)

        self.ended_on_label = QLabel(CampaignForm)
        self.ended_on_label.setObjectName(u"ended_on_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ended_on_label)

        self.ended_on = QDateEdit(CampaignForm)
        self.ended_on.setObjectName(u"ended_on")
        self.ended_on.setCalendarPopup(True)
        self.ended_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ended_on)

        self.notes_label = QLabel(CampaignForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(CampaignForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(CampaignForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(CampaignForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.started_on_label.setBuddy(self.started_on)
        self.ended_on_label.setBuddy(self.ended_on)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.started_on)
        QWidget.setTabOrder(self.started_on, self.ended_on)
        QWidget.setTabOrder(self.ended_on, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(CampaignForm)
    # setupUi

    def retranslateUi(self, CampaignForm):
        CampaignForm.setWindowTitle(QCoreApplication.translate("CampaignForm", u"Campaign", None))
        self.name_label.setText(QCoreApplication.translate("CampaignForm", u"Name", None))
        self.started_on_label.setText(QCoreApplication.translate("CampaignForm", u"From", None))
        self.ended_on_label.setText(QCoreApplication.translate("CampaignForm", u"Until", None))
        self.notes_label.setText(QCoreApplication.translate("CampaignForm", u"Notes", None))
    # retranslateUi

