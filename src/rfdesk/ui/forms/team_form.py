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

class Ui_TeamForm(object):
    def setupUi(self, TeamForm):
        if not TeamForm.objectName():
            TeamForm.setObjectName(u"TeamForm")
        TeamForm.resize(520, 480)
        self.outer = QVBoxLayout(TeamForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(TeamForm)
        self.name_label.setObjectName(u"name_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(TeamForm)
        self.name.setObjectName(u"name")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.kind_label = QLabel(TeamForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(TeamForm)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.organisation_id_label = QLabel(TeamForm)
        self.organisation_id_label.setObjectName(u"organisation_id_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organisation_id_label)

        self.organisation_id = QComboBox(TeamForm)
        self.organisation_id.setObjectName(u"organisation_id")
        self.organisation_id.setEditable(True)
        self.organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.place_id_label = QLabel(TeamForm)
        self.place_id_label.setObjectName(u"place_id_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_id_label)

        self.place_id = QComboBox(TeamForm)
        self.place_id.setObjectName(u"place_id")
        self.place_id.setEditable(True)
        self.place_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_id)

        self.party_branch_id_label = QLabel(TeamForm)
        self.party_branch_id_label.setObjectName(u"party_branch_id_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.party_branch_id_label)

        self.party_branch_id = QComboBox(TeamForm)
        self.party_branch_id.setObjectName(u"party_branch_id")
        self.party_branch_id.setEditable(True)
        self.party_branch_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.party_branch_id)

        self.formed_on_label = QLabel(TeamForm)
        self.formed_on_label.setObjectName(u"formed_on_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.formed_on_label)

        self.formed_on = QDateEdit(TeamForm)
        self.formed_on.setObjectName(u"formed_on")
        self.formed_on.setCalendarPopup(True)
        self.formed_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.formed_on)

        self.description_label = QLabel(TeamForm)
        self.description_label.setObjectName(u"description_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(TeamForm)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.description)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(TeamForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(TeamForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.kind_label.setBuddy(self.kind)
        self.organisation_id_label.setBuddy(self.organisation_id)
        self.place_id_label.setBuddy(self.place_id)
        self.party_branch_id_label.setBuddy(self.party_branch_id)
        self.formed_on_label.setBuddy(self.formed_on)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.kind)
        QWidget.setTabOrder(self.kind, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.place_id)
        QWidget.setTabOrder(self.place_id, self.party_branch_id)
        QWidget.setTabOrder(self.party_branch_id, self.formed_on)
        QWidget.setTabOrder(self.formed_on, self.description)
        QWidget.setTabOrder(self.description, self.buttons)

        self.retranslateUi(TeamForm)
    # setupUi

    def retranslateUi(self, TeamForm):
        TeamForm.setWindowTitle(QCoreApplication.translate("TeamForm", u"Team", None))
        self.name_label.setText(QCoreApplication.translate("TeamForm", u"Name", None))
        self.kind_label.setText(QCoreApplication.translate("TeamForm", u"Kind", None))
        self.organisation_id_label.setText(QCoreApplication.translate("TeamForm", u"Organisation", None))
        self.place_id_label.setText(QCoreApplication.translate("TeamForm", u"Place", None))
        self.party_branch_id_label.setText(QCoreApplication.translate("TeamForm", u"Party branch", None))
        self.formed_on_label.setText(QCoreApplication.translate("TeamForm", u"Formed on", None))
        self.description_label.setText(QCoreApplication.translate("TeamForm", u"Description", None))
    # retranslateUi

