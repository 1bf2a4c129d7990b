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

class Ui_StockMovementForm(object):
    def setupUi(self, StockMovementForm):
        if not StockMovementForm.objectName():
            StockMovementForm.setObjectName(u"StockMovementForm")
        StockMovementForm.resize(520, 520)
        self.outer = QVBoxLayout(StockMovementForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.resource_label = QLabel(StockMovementForm)
        self.resource_label.setObjectName(u"resource_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resource_label)

        self.resource = QLabel(StockMovementForm)
        self.resource.setObjectName(u"resource")
        self.resource.setText(u"")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.resource)

        self.balance_label = QLabel(StockMovementForm)
        self.balance_label.setObjectName(u"balance_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.balance_label)

        self.balance = QLabel(StockMovementForm)
        self.balance.setObjectName(u"balance")
        self.balance.setText(u"")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.balance)

        self.kind_label = QLabel(StockMovementForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(StockMovementForm)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.quantity_label = QLabel(StockMovementForm)
        self.quantity_label.setObjectName(u"quantity_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.quantity_label)

        self.quantity = QLineEdit(StockMovementForm)
        self.quantity.setObjectName(u"quantity")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.quantity)

        self.from_place_id_label = QLabel(StockMovementForm)
        self.from_place_id_label.setObjectName(u"from_place_id_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.from_place_id_label)

        self.from_place_id = QComboBox(StockMovementForm)
        self.from_place_id.setObjectName(u"from_place_id")
        self.from_place_id.setEditable(True)
        self.from_place_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.from_place_id)

        self.to_place_id_label = QLabel(StockMovementForm)
        self.to_place_id_label.setObjectName(u"to_place_id_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.to_place_id_label)

        self.to_place_id = QComboBox(StockMovementForm)
        self.to_place_id.setObjectName(u"to_place_id")
        self.to_place_id.setEditable(True)
        self.to_place_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.to_place_id)

        self.to_team_id_label = QLabel(StockMovementForm)
        self.to_team_id_label.setObjectName(u"to_team_id_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.to_team_id_label)

        self.to_team_id = QComboBox(StockMovementForm)
        self.to_team_id.setObjectName(u"to_team_id")
        self.to_team_id.setEditable(True)
        self.to_team_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.to_team_id)

        self.moved_on_label = QLabel(StockMovementForm)
        self.moved_on_label.setObjectName(u"moved_on_label")

        self.fields.setWidget(7, QFormLayout.ItemRole.LabelRole, self.moved_on_label)

        self.moved_on = QDateEdit(StockMovementForm)
        self.moved_on.setObjectName(u"moved_on")
        self.moved_on.setCalendarPopup(True)
        self.moved_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.moved_on)

        self.reference_label = QLabel(StockMovementForm)
        self.reference_label.setObjectName(u"reference_label")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reference_label)

        self.reference = QLineEdit(StockMovementForm)
        self.reference.setObjectName(u"reference")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reference)

        self.handler_label = QLabel(StockMovementForm)
        self.handler_label.setObjectName(u"handler_label")

        self.fields.setWidget(9, QFormLayout.ItemRole.LabelRole, self.handler_label)

        self.handler = QLineEdit(StockMovementForm)
        self.handler.setObjectName(u"handler")

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.handler)

        self.note_label = QLabel(StockMovementForm)
        self.note_label.setObjectName(u"note_label")

        self.fields.setWidget(10, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note = QPlainTextEdit(StockMovementForm)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.note)


        self.outer.addLayout(self.fields)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(StockMovementForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(StockMovementForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.resource_label.setBuddy(self.resource)
        self.balance_label.setBuddy(self.balance)
        self.kind_label.setBuddy(self.kind)
        self.quantity_label.setBuddy(self.quantity)
        self.from_place_id_label.setBuddy(self.from_place_id)
        self.to_place_id_label.setBuddy(self.to_place_id)
        self.to_team_id_label.setBuddy(self.to_team_id)
        self.moved_on_label.setBuddy(self.moved_on)
        self.reference_label.setBuddy(self.reference)
        self.handler_label.setBuddy(self.handler)
        self.note_label.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.quantity)
        QWidget.setTabOrder(self.quantity, self.from_place_id)
        QWidget.setTabOrder(self.from_place_id, self.to_place_id)
        QWidget.setTabOrder(self.to_place_id, self.to_team_id)
        QWidget.setTabOrder(self.to_team_id, self.moved_on)
        QWidget.setTabOrder(self.moved_on, self.reference)
        QWidget.setTabOrder(self.reference, self.handler)
        QWidget.setTabOrder(self.handler, self.note)
        QWidget.setTabOrder(self.note, self.buttons)

        self.retranslateUi(StockMovementForm)
    # setupUi

    def retranslateUi(self, StockMovementForm):
        StockMovementForm.setWindowTitle(QCoreApplication.translate("StockMovementForm", u"Stock movement", None))
        self.resource_label.setText(QCoreApplication.translate("StockMovementForm", u"Resource", None))
        self.balance_label.setText(QCoreApplication.translate("StockMovementForm", u"Current balance", None))
        self.kind_label.setText(QCoreApplication.translate("StockMovementForm", u"Movement", None))
        self.quantity_label.setText(QCoreApplication.translate("StockMovementForm", u"Quantity", None))
        self.from_place_id_label.setText(QCoreApplication.translate("StockMovementForm", u"From", None))
        self.to_place_id_label.setText(QCoreApplication.translate("StockMovementForm", u"To", None))
        self.to_team_id_label.setText(QCoreApplication.translate("StockMovementForm", u"To team", None))
        self.moved_on_label.setText(QCoreApplication.translate("StockMovementForm", u"Date", None))
        self.reference_label.setText(QCoreApplication.translate("StockMovementForm", u"Reference", None))
        self.handler_label.setText(QCoreApplication.translate("StockMovementForm", u"Handled by", None))
        self.note_label.setText(QCoreApplication.translate("StockMovementForm", u"Note", None))
    # retranslateUi

