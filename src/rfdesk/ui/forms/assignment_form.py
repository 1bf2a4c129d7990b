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

class Ui_AssignmentForm(object):
    def setupUi(self, AssignmentForm):
        if not AssignmentForm.objectName():
            AssignmentForm.setObjectName(u"AssignmentForm")
        AssignmentForm.resize(520, 480)
        self.outer = QVBoxLayout(AssignmentForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.person_id_label = QLabel(AssignmentForm)
        self.person_id_label.setObjectName(u"person_id_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_id_label)

        self.person_id = QLineEdit(AssignmentForm)
        self.person_id.setObjectName(u"person_id")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_id)

        self.status_label = QLabel(AssignmentForm)
        self.status_label.setObjectName(u"status_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(AssignmentForm)
        self.status.setObjectName(u"status")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.status)

        self.place_id_label = QLabel(AssignmentForm)
        self.place_id_label.setObjectName(u"place_id_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.place_id_label)

        self.place_id = QComboBox(AssignmentForm)
        self.place_id.setObjectName(u"place_id")
        self.place_id.setEditable(True)
        self.place_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place_id)

        self.place_text_label = QLabel(AssignmentForm)
        self.place_text_label.setObjectName(u"place_text_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_text_label)

        self.place_text = QLineEdit(AssignmentForm)
        self.place_text.setObjectName(u"place_text")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_text)

        self.start_date_label = QLabel(AssignmentForm)
        self.start_date_label.setObjectName(u"start_date_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date = QDateEdit(AssignmentForm)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.end_date_label = QLabel(AssignmentForm)
        self.end_date_label.setObjectName(u"end_date_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date = QDateEdit(AssignmentForm)
        self.end_date.setObjectName(u"end_date")
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.note_label = QLabel(AssignmentForm)
        self.note_label.setObjectName(u"note_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note = QPlainTextEdit(AssignmentForm)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.note)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(AssignmentForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(AssignmentForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.person_id_label.setBuddy(self.person_id)
        self.status_label.setBuddy(self.status)
        self.place_id_label.setBuddy(self.place_id)
        self.place_text_label.setBuddy(self.place_text)
        self.start_date_label.setBuddy(self.start_date)
        self.end_date_label.setBuddy(self.end_date)
        self.note_label.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_id, self.status)
        QWidget.setTabOrder(self.status, self.place_id)
        QWidget.setTabOrder(self.place_id, self.place_text)
        QWidget.setTabOrder(self.place_text, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.note)
        QWidget.setTabOrder(self.note, self.buttons)

        self.retranslateUi(AssignmentForm)
    # setupUi

    def retranslateUi(self, AssignmentForm):
        AssignmentForm.setWindowTitle(QCoreApplication.translate("AssignmentForm", u"Whereabouts", None))
        self.person_id_label.setText(QCoreApplication.translate("AssignmentForm", u"Person", None))
        self.person_id.setPlaceholderText(QCoreApplication.translate("AssignmentForm", u"Type a name or pinyin initials", None))
        self.status_label.setText(QCoreApplication.translate("AssignmentForm", u"Where", None))
        self.place_id_label.setText(QCoreApplication.translate("AssignmentForm", u"Place", None))
        self.place_text_label.setText(QCoreApplication.translate("AssignmentForm", u"Place (other)", None))
        self.start_date_label.setText(QCoreApplication.translate("AssignmentForm", u"From", None))
        self.end_date_label.setText(QCoreApplication.translate("AssignmentForm", u"Until", None))
        self.note_label.setText(QCoreApplication.translate("AssignmentForm", u"Note", None))
    # retranslateUi

