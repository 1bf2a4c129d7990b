"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PersonForm(object):
    def setupUi(self, PersonForm):
        if not PersonForm.objectName():
            PersonForm.setObjectName(u"PersonForm")
        PersonForm.resize(560, 560)
        self.outer = QVBoxLayout(PersonForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(PersonForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(PersonForm)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(50)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.gender_label = QLabel(PersonForm)
        self.gender_label.setObjectName(u"gender_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender = QComboBox(PersonForm)
        self.gender.setObjectName(u"gender")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.gender)

        self.id_number_label = QLabel(PersonForm)
        self.id_number_label.setObjectName(u"id_number_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.id_number_label)

        self.id_number = QLineEdit(PersonForm)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(18)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.birth_date_label = QLabel(PersonForm)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date = QDateEdit(PersonForm)
        self.birth_date.setObjectName(u"birth_date")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birth_date)

        self.phone_label = QLabel(PersonForm)
        self.phone_label.setObjectName(u"phone_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(PersonForm)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(20)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phone)

        self.organisation_id_label = QLabel(PersonForm)
        self.organisation_id_label.setObjectName(u"organisation_id_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisation_id_label)

        self.organisation_id = QComboBox(PersonForm)
        self.organisation_id.setObjectName(u"organisation_id")
        self.organisation_id.setEditable(True)
        self.organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.post_label = QLabel(PersonForm)
        self.post_label.setObjectName(u"post_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.post_label)

        self.post = QLineEdit(PersonForm)
        self.post.setObjectName(u"post")

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.post)

        self.rank_label = QLabel(PersonForm)
        self.rank_label.setObjectName(u"rank_label")

        self.fields.setWidget(7, QFormLayout.ItemRole.LabelRole, self.rank_label)

        self.rank = QLineEdit(PersonForm)
        self.rank.setObjectName(u"rank")

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.rank)

        self.employment_type_label = QLabel(PersonForm)
        self.employment_type_label.setObjectName(u"employment_type_label")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.employment_type_label)

        self.employment_type = QComboBox(PersonForm)
        self.employment_type.setObjectName(u"employment_type")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.employment_type)

        self.political_status_label = QLabel(PersonForm)
        self.political_status_label.setObjectName(u"political_status_label")

        self.fields.setWidget(9, QFormLayout.ItemRole.LabelRole, self.political_status_label)

        self.political_status = QComboBox(PersonForm)
        self.political_status.setObjectName(u"political_status")

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.political_status)

        self.party_branch_id_label = QLabel(PersonForm)
        self.party_branch_id_label.setObjectName(u"party_branch_id_label")

        self.fields.setWidget(10, QFormLayout.ItemRole.LabelRole, self.party_branch_id_label)

        self.party_branch_id = QComboBox(PersonForm)
        self.party_branch_id.setObjectName(u"party_branch_id")
        self.party_branch_id.setEditable(True)
        self.party_branch_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.party_branch_id)

        self.party_joined_on_label = QLabel(PersonForm)
        self.party_joined_on_label.setObjectName(u"party_joined_on_label")

        self.fields.setWidget(11, QFormLayout.ItemRole.LabelRole, self.party_joined_on_label)

        self.party_joined_on = QDateEdit(PersonForm)
        self.party_joined_on.setObjectName(u"party_joined_on")
        self.party_joined_on.setCalendarPopup(True)
        self.party_joined_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.party_joined_on)

        self.qualifications_label = QLabel(PersonForm)
        self.qualifications_label.setObjectName(u"qualifications_label")

        self.fields.setWidget(12, QFormLayout.ItemRole.LabelRole, self.qualifications_label)

        self.qualifications = QLineEdit(PersonForm)
        self.qualifications.setObjectName(u"qualifications")

        self.fields.setWidget(12, QFormLayout.ItemRole.FieldRole, self.qualifications)

        self.notes_label = QLabel(PersonForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(13, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PersonForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(PersonForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(PersonForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.gender_label.setBuddy(self.gender)
        self.id_number_label.setBuddy(self.id_number)
        self.birth_date_label.setBuddy(self.birth_date)
        self.phone_label.setBuddy(self.phone)
        self.organisation_id_label.setBuddy(self.organisation_id)
        self.post_label.setBuddy(self.post)
        self.rank_label.setBuddy(self.rank)
        self.employment_type_label.setBuddy(self.employment_type)
        self.political_status_label.setBuddy(self.political_status)
        self.party_branch_id_label.setBuddy(self.party_branch_id)
        self.party_joined_on_label.setBuddy(self.party_joined_on)
        self.qualifications_label.setBuddy(self.qualifications)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.gender)
        QWidget.setTabOrder(self.gender, self.id_number)
        QWidget.setTabOrder(self.id_number, self.birth_date)
        QWidget.setTabOrder(self.birth_date, self.phone)
        QWidget.setTabOrder(self.phone, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.post)
        QWidget.setTabOrder(self.post, self.rank)
        QWidget.setTabOrder(self.rank, self.employment_type)
        QWidget.setTabOrder(self.employment_type, self.political_status)
        QWidget.setTabOrder(self.political_status, self.party_branch_id)
        QWidget.setTabOrder(self.party_branch_id, self.party_joined_on)
        QWidget.setTabOrder(self.party_joined_on, self.qualifications)
        QWidget.setTabOrder(self.qualifications, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(PersonForm)
    # setupUi

    def retranslateUi(self, PersonForm):
        PersonForm.setWindowTitle(QCoreApplication.translate("PersonForm", u"Person", None))
        self.name_label.setText(QCoreApplication.translate("PersonForm", u"Name", None))
        self.gender_label.setText(QCoreApplication.translate("PersonForm", u"Gender", None))
        self.id_number_label.setText(QCoreApplication.translate("PersonForm", u"ID number", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("PersonForm", u"18 characters; birth date and gender are read from it", None))
        self.birth_date_label.setText(QCoreApplication.translate("PersonForm", u"Date of birth", None))
        self.phone_label.setText(QCoreApplication.translate("PersonForm", u"Phone", None))
        self.organisation_id_label.setText(QCoreApplication.translate("PersonForm", u"Organisation", None))
        self.post_label.setText(QCoreApplication.translate("PersonForm", u"Post", None))
        self.rank_label.setText(QCoreApplication.translate("PersonForm", u"Rank", None))
        self.employment_type_label.setText(QCoreApplication.translate("PersonForm", u"Employment", None))
        self.political_status_label.setText(QCoreApplication.translate("PersonForm", u"Political status", None))
        self.party_branch_id_label.setText(QCoreApplication.translate("PersonForm", u"Party branch", None))
        self.party_joined_on_label.setText(QCoreApplication.translate("PersonForm", u"Joined the party on", None))
        self.qualifications_label.setText(QCoreApplication.translate("PersonForm", u"Qualifications", None))
        self.notes_label.setText(QCoreApplication.translate("PersonForm", u"Notes", None))
    # retranslateUi

