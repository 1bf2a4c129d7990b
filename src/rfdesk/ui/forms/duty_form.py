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
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DutyForm(object):
    def setupUi(self, DutyForm):
        if not DutyForm.objectName():
            DutyForm.setObjectName(u"DutyForm")
        DutyForm.resize(420, 260)
        self.outer = QVBoxLayout(DutyForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.person_id_label = QLabel(DutyForm)
        self.person_id_label.setObjectName(u"person_id_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_id_label)

        self.person_id = QLineEdit(DutyForm)
        self.person_id.setObjectName(u"person_id")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_id)

        self.duty_date_label = QLabel(DutyForm)
        self.duty_date_label.setObjectName(u"duty_date_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.duty_date_label)

        self.duty_date = QDateEdit(DutyForm)
        self.duty_date.setObjectName(u"duty_date")
        self.duty_date.setCalendarPopup(True)
        self.duty_date.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.duty_date)

        self.shift_label = QLabel(DutyForm)
        self.shift_label.setObjectName(u"shift_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.shift_label)

        self.shift = QComboBox(DutyForm)
        self.shift.setObjectName(u"shift")
        self.shift.setEditable(True)
        self.shift.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.shift)

        self.duty_label = QLabel(DutyForm)
        self.duty_label.setObjectName(u"duty_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.duty_label)

        self.duty = QLineEdit(DutyForm)
        self.duty.setObjectName(u"duty")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.duty)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(DutyForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(DutyForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.person_id_label.setBuddy(self.person_id)
        self.duty_date_label.setBuddy(self.duty_date)
        self.shift_label.setBuddy(self.shift)
        self.duty_label.setBuddy(self.duty)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_id, self.duty_date)
        QWidget.setTabOrder(self.duty_date, self.shift)
        QWidget.setTabOrder(self.shift, self.duty)
        QWidget.setTabOrder(self.duty, self.buttons)

        self.retranslateUi(DutyForm)
    # setupUi

    def retranslateUi(self, DutyForm):
        DutyForm.setWindowTitle(QCoreApplication.translate("DutyForm", u"Duty shift", None))
        self.person_id_label.setText(QCoreApplication.translate("DutyForm", u"Person", None))
        self.person_id.setPlaceholderText(QCoreApplication.translate("DutyForm", u"Type a name or pinyin initials", None))
        self.duty_date_label.setText(QCoreApplication.translate("DutyForm", u"Date", None))
        self.shift_label.setText(QCoreApplication.translate("DutyForm", u"Shift", None))
        self.duty_label.setText(QCoreApplication.translate("DutyForm", u"Duty", None))
    # retranslateUi

