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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CommendationBatchForm(object):
    def setupUi(self, CommendationBatchForm):
        if not CommendationBatchForm.objectName():
            CommendationBatchForm.setObjectName(u"CommendationBatchForm")
        CommendationBatchForm.resize(760, 760)
        self.outer = QVBoxLayout(CommendationBatchForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.title_label = QLabel(CommendationBatchForm)
        self.title_label.setObjectName(u"title_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(CommendationBatchForm)
        self.title.setObjectName(u"title")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.issuer_id_label = QLabel(CommendationBatchForm)
        self.issuer_id_label.setObjectName(u"issuer_id_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuer_id_label)

        self.issuer_id = QComboBox(CommendationBatchForm)
        self.issuer_id.setObjectName(u"issuer_id")
        self.issuer_id.setEditable(True)
        self.issuer_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuer_id)

        self.decided_on_label = QLabel(CommendationBatchForm)
        self.decided_on_label.setObjectName(u"decided_on_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decided_on_label)

        self.decided_on = QDateEdit(CommendationBatchForm)
        self.decided_on.setObjectName(u"decided_on")
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decided_on)

        self.list_order_label = QLabel(CommendationBatchForm)
        self.list_order_label.setObjectName(u"list_order_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.list_order_label)

        self.list_order = QComboBox(CommendationBatchForm)
        self.list_order.setObjectName(u"list_order")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.list_order)

        self.notes_label = QLabel(CommendationBatchForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(CommendationBatchForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 50))

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.honoree_box = QGroupBox(CommendationBatchForm)
        self.honoree_box.setObjectName(u"honoree_box")
        self.honoree_layout = QVBoxLayout(self.honoree_box)
        self.honoree_layout.setObjectName(u"honoree_layout")
        self.honoree_form = QFormLayout()
        self.honoree_form.setObjectName(u"honoree_form")
        self.honoree_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.honoree_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.honoree_kind_label = QLabel(self.honoree_box)
        self.honoree_kind_label.setObjectName(u"honoree_kind_label")

        self.honoree_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.honoree_kind_label)

        self.honoree_kind = QComboBox(self.honoree_box)
        self.honoree_kind.setObjectName(u"honoree_kind")

        self.honoree_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.honoree_kind)

        self.honoree_label = QLabel(self.honoree_box)
        self.honoree_label.setObjectName(u"honoree_label")

        self.honoree_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.honoree_label)

        self.honoree = QLineEdit(self.honoree_box)
        self.honoree.setObjectName(u"honoree")

        self.honoree_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.honoree)

        self.category_label = QLabel(self.honoree_box)
        self.category_label.setObjectName(u"category_label")

        self.honoree_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(self.honoree_box)
        self.category.setObjectName(u"category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.NoInsert)

        self.honoree_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category)

        self.deeds_label = QLabel(self.honoree_box)
        self.deeds_label.setObjectName(u"deeds_label")

        self.honoree_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deeds_label)

        self.deeds = QPlainTextEdit(self.honoree_box)
        self.deeds.setObjectName(u"deeds")
        self.deeds.setTabChangesFocus(True)
        self.deeds.setMaximumSize(QSize(16777215, 80))

        self.honoree_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.deeds)


        self.honoree_layout.addLayout(self.honoree_form)

        self.honoree_buttons = QHBoxLayout()
        self.honoree_buttons.setObjectName(u"honoree_buttons")
        self.h_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.honoree_buttons.addItem(self.h_spacer)

        self.add_honoree = QPushButton(self.honoree_box)
        self.add_honoree.setObjectName(u"add_honoree")

        self.honoree_buttons.addWidget(self.add_honoree)


        self.honoree_layout.addLayout(self.honoree_buttons)


        self.outer.addWidget(self.honoree_box)

        self.honorees = QTableWidget(CommendationBatchForm)
        if (self.honorees.columnCount() < 4):
            self.honorees.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.honorees.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.honorees.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.honorees.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.honorees.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.honorees.setObjectName(u"honorees")

        self.outer.addWidget(self.honorees)

        self.list_buttons = QHBoxLayout()
        self.list_buttons.setObjectName(u"list_buttons")
        self.move_up = QPushButton(CommendationBatchForm)
        self.move_up.setObjectName(u"move_up")

        self.list_buttons.addWidget(self.move_up)

        self.move_down = QPushButton(CommendationBatchForm)
        self.move_down.setObjectName(u"move_down")

        self.list_buttons.addWidget(self.move_down)

        self.remove_honoree = QPushButton(CommendationBatchForm)
        self.remove_honoree.setObjectName(u"remove_honoree")

        self.list_buttons.addWidget(self.remove_honoree)

        self.l_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.list_buttons.addItem(self.l_spacer)


        self.outer.addLayout(self.list_buttons)

        self.message = QLabel(CommendationBatchForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(CommendationBatchForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.issuer_id_label.setBuddy(self.issuer_id)
        self.decided_on_label.setBuddy(self.decided_on)
        self.list_order_label.setBuddy(self.list_order)
        self.notes_label.setBuddy(self.notes)
        self.honoree_kind_label.setBuddy(self.honoree_kind)
        self.honoree_label.setBuddy(self.honoree)
        self.category_label.setBuddy(self.category)
        self.deeds_label.setBuddy(self.deeds)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.issuer_id)
        QWidget.setTabOrder(self.issuer_id, self.decided_on)
        QWidget.setTabOrder(self.decided_on, self.list_order)
        QWidget.setTabOrder(self.list_order, self.notes)
        QWidget.setTabOrder(self.notes, self.honoree_kind)
        QWidget.setTabOrder(self.honoree_kind, self.honoree)
        QWidget.setTabOrder(self.honoree, self.category)
        QWidget.setTabOrder(self.category, self.deeds)
        QWidget.setTabOrder(self.deeds, self.add_honoree)
        QWidget.setTabOrder(self.add_honoree, self.honorees)
        QWidget.setTabOrder(self.honorees, self.move_up)
        QWidget.setTabOrder(self.move_up, self.move_down)
        QWidget.setTabOrder(self.move_down, self.remove_honoree)
        QWidget.setTabOrder(self.remove_honoree, self.buttons)

        self.retranslateUi(CommendationBatchForm)
    # setupUi

    def retranslateUi(self, CommendationBatchForm):
        CommendationBatchForm.setWindowTitle(QCoreApplication.translate("CommendationBatchForm", u"Commendation batch", None))
        self.title_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Title", None))
        self.issuer_id_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Issued by", None))
        self.decided_on_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Decided on", None))
        self.list_order_label.setText(QCoreApplication.translate("CommendationBatchForm", u"List order", None))
        self.notes_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Notes", None))
        self.honoree_box.setTitle(QCoreApplication.translate("CommendationBatchForm", u"Add an honoree from the registers", None))
        self.honoree_kind_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Honoree type", None))
        self.honoree_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Honoree", None))
        self.honoree.setPlaceholderText(QCoreApplication.translate("CommendationBatchForm", u"Type a name or pinyin initials", None))
        self.category_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Category", None))
        self.deeds_label.setText(QCoreApplication.translate("CommendationBatchForm", u"Deeds", None))
        self.add_honoree.setText(QCoreApplication.translate("CommendationBatchForm", u"Add to the list", None))
        ___qtablewidgetitem = self.honorees.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CommendationBatchForm", u"Category", None))
        ___qtablewidgetitem1 = self.honorees.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CommendationBatchForm", u"Honoree", None))
        ___qtablewidgetitem2 = self.honorees.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CommendationBatchForm", u"Type", None))
        ___qtablewidgetitem3 = self.honorees.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CommendationBatchForm", u"Deeds", None))
        self.move_up.setText(QCoreApplication.translate("CommendationBatchForm", u"Move up", None))
        self.move_down.setText(QCoreApplication.translate("CommendationBatchForm", u"Move down", None))
        self.remove_honoree.setText(QCoreApplication.translate("CommendationBatchForm", u"Remove", None))
    # retranslateUi

