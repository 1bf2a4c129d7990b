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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_MemberForm(object):
    def setupUi(self, MemberForm):
        if not MemberForm.objectName():
            MemberForm.setObjectName(u"MemberForm")
        MemberForm.resize(420, 220)
        self.outer = QVBoxLayout(MemberForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.person_id_label = QLabel(MemberForm)
        self.person_id_label.setObjectName(u"person_id_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_id_label)

        self.person_id = QLineEdit(MemberForm)
        self.person_id.setObjectName(u"person_id")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_id)

        self.role_label = QLabel(MemberForm)
        self.role_label.setObjectName(u"role_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QLineEdit(MemberForm)
        self.role.setObjectName(u"role")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role)

        self.joined_on_label = QLabel(MemberForm)
        self.joined_on_label.setObjectName(u"joined_on_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.joined_on_label)

        self.joined_on = QDateEdit(MemberForm)
        self.joined_on.setObjectName(u"joined_on")
        self.joined_on.setCalendarPopup(True)
        self.joined_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.joined_on)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(MemberForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(MemberForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.person_id_label.setBuddy(self.person_id)
        self.role_label.setBuddy(self.role)
        self.joined_on_label.setBuddy(self.joined_on)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_id, self.role)
        QWidget.setTabOrder(self.role, self.joined_on)
        QWidget.setTabOrder(self.joined_on, self.buttons)

        self.retranslateUi(MemberForm)
    # setupUi

    def retranslateUi(self, MemberForm):
        MemberForm.setWindowTitle(QCoreApplication.translate("MemberForm", u"Team member", None))
        self.person_id_label.setText(QCoreApplication.translate("MemberForm", u"Person", None))
        self.person_id.setPlaceholderText(QCoreApplication.translate("MemberForm", u"Type a name or pinyin initials", None))
        self.role_label.setText(QCoreApplication.translate("MemberForm", u"Role", None))
        self.joined_on_label.setText(QCoreApplication.translate("MemberForm", u"Joined on", None))
    # retranslateUi

