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

class Ui_DonationForm(object):
    def setupUi(self, DonationForm):
        if not DonationForm.objectName():
            DonationForm.setObjectName(u"DonationForm")
        DonationForm.resize(600, 640)
        self.outer = QVBoxLayout(DonationForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.donor_kind_label = QLabel(DonationForm)
        self.donor_kind_label.setObjectName(u"donor_kind_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.donor_kind_label)

        self.donor_kind = QComboBox(DonationForm)
        self.donor_kind.setObjectName(u"donor_kind")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.donor_kind)

        self.donor_person_id_label = QLabel(DonationForm)
        self.donor_person_id_label.setObjectName(u"donor_person_id_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.donor_person_id_label)

        self.donor_person_id = QLineEdit(DonationForm)
        self.donor_person_id.setObjectName(u"donor_person_id")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.donor_person_id)

        self.donor_organisation_id_label = QLabel(DonationForm)
        self.donor_organisation_id_label.setObjectName(u"donor_organisation_id_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.donor_organisation_id_label)

        self.donor_organisation_id = QComboBox(DonationForm)
        self.donor_organisation_id.setObjectName(u"donor_organisation_id")
        self.donor_organisation_id.setEditable(True)
        self.donor_organisation_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.donor_organisation_id)

        self.donor_name_label = QLabel(DonationForm)
        self.donor_name_label.setObjectName(u"donor_name_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.donor_name_label)

        self.donor_name = QLineEdit(DonationForm)
        self.donor_name.setObjectName(u"donor_name")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.donor_name)

        self.anonymous_note_label = QLabel(DonationForm)
        self.anonymous_note_label.setObjectName(u"anonymous_note_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.anonymous_note_label)

        self.anonymous_note = QLineEdit(DonationForm)
        self.anonymous_note.setObjectName(u"anonymous_note")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.anonymous_note)

        self.form_label = QLabel(DonationForm)
        self.form_label.setObjectName(u"form_label")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.form_label)

        self.form = QComboBox(DonationForm)
        self.form.setObjectName(u"form")

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.form)

        self.amount_label = QLabel(DonationForm)
        self.amount_label.setObjectName(u"amount_label")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount = QLineEdit(DonationForm)
        self.amount.setObjectName(u"amount")

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.amount)

        self.channel_label = QLabel(DonationForm)
        self.channel_label.setObjectName(u"channel_label")

        self.fields.setWidget(7, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel = QComboBox(DonationForm)
        self.channel.setObjectName(u"channel")

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.channel)

        self.donated_on_label = QLabel(DonationForm)
        self.donated_on_label.setObjectName(u"donated_on_label")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.donated_on_label)

        self.donated_on = QDateEdit(DonationForm)
        self.donated_on.setObjectName(u"donated_on")
        self.donated_on.setCalendarPopup(True)
        self.donated_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.donated_on)

        self.campaign_id_label = QLabel(DonationForm)
        self.campaign_id_label.setObjectName(u"campaign_id_label")

        self.fields.setWidget(9, QFormLayout.ItemRole.LabelRole, self.campaign_id_label)

        self.campaign_id = QComboBox(DonationForm)
        self.campaign_id.setObjectName(u"campaign_id")
        self.campaign_id.setEditable(True)
        self.campaign_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.campaign_id)

        self.purpose_label = QLabel(DonationForm)
        self.purpose_label.setObjectName(u"purpose_label")

        self.fields.setWidget(10, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose = QLineEdit(DonationForm)
        self.purpose.setObjectName(u"purpose")

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.purpose)

        self.handler_label = QLabel(DonationForm)
        self.handler_label.setObjectName(u"handler_label")

        self.fields.setWidget(11, QFormLayout.ItemRole.LabelRole, self.handler_label)

        self.handler = QLineEdit(DonationForm)
        self.handler.setObjectName(u"handler")

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.handler)

        self.notes_label = QLabel(DonationForm)
        self.notes_label.setObjectName(u"notes_label")

        self.fields.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(DonationForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 70))

        self.fields.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notes)


        self.outer.addLayout(self.fields)

        self.items_box = QGroupBox(DonationForm)
        self.items_box.setObjectName(u"items_box")
        self.items_layout = QVBoxLayout(self.items_box)
        self.items_layout.setObjectName(u"items_layout")
        self.items = QTableWidget(self.items_box)
        if (self.items.columnCount() < 4):
            self.items.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.items.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.items.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.items.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.items.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.items.setObjectName(u"items")

        self.items_layout.addWidget(self.items)

        self.items_buttons = QHBoxLayout()
        self.items_buttons.setObjectName(u"items_buttons")
        self.add_item = QPushButton(self.items_box)
        self.add_item.setObjectName(u"add_item")

        self.items_buttons.addWidget(self.add_item)

        self.remove_item = QPushButton(self.items_box)
        self.remove_item.setObjectName(u"remove_item")

        self.items_buttons.addWidget(self.remove_item)

        self.items_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.items_buttons.addItem(self.items_spacer)


        self.items_layout.addLayout(self.items_buttons)


        self.outer.addWidget(self.items_box)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(DonationForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(DonationForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.donor_kind_label.setBuddy(self.donor_kind)
        self.donor_person_id_label.setBuddy(self.donor_person_id)
        self.donor_organisation_id_label.setBuddy(self.donor_organisation_id)
        self.donor_name_label.setBuddy(self.donor_name)
        self.anonymous_note_label.setBuddy(self.anonymous_note)
        self.form_label.setBuddy(self.form)
        self.amount_label.setBuddy(self.amount)
        self.channel_label.setBuddy(self.channel)
        self.donated_on_label.setBuddy(self.donated_on)
        self.campaign_id_label.setBuddy(self.campaign_id)
        self.purpose_label.setBuddy(self.purpose)
        self.handler_label.setBuddy(self.handler)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.donor_kind, self.donor_person_id)
        QWidget.setTabOrder(self.donor_person_id, self.donor_organisation_id)
        QWidget.setTabOrder(self.donor_organisation_id, self.donor_name)
        QWidget.setTabOrder(self.donor_name, self.anonymous_note)
        QWidget.setTabOrder(self.anonymous_note, self.form)
        QWidget.setTabOrder(self.form, self.amount)
        QWidget.setTabOrder(self.amount, self.channel)
        QWidget.setTabOrder(self.channel, self.donated_on)
        QWidget.setTabOrder(self.donated_on, self.campaign_id)
        QWidget.setTabOrder(self.campaign_id, self.purpose)
        QWidget.setTabOrder(self.purpose, self.handler)
        QWidget.setTabOrder(self.handler, self.notes)
        QWidget.setTabOrder(self.notes, self.items)
        QWidget.setTabOrder(self.items, self.buttons)

        self.retranslateUi(DonationForm)
    # setupUi

    def retranslateUi(self, DonationForm):
        DonationForm.setWindowTitle(QCoreApplication.translate("DonationForm", u"Donation", None))
        self.donor_kind_label.setText(QCoreApplication.translate("DonationForm", u"Donor type", None))
        self.donor_person_id_label.setText(QCoreApplication.translate("DonationForm", u"Person", None))
        self.donor_person_id.setPlaceholderText(QCoreApplication.translate("DonationForm", u"Type a name or pinyin initials", None))
        self.donor_organisation_id_label.setText(QCoreApplication.translate("DonationForm", u"Organisation", None))
        self.donor_name_label.setText(QCoreApplication.translate("DonationForm", u"Donor name", None))
        self.anonymous_note_label.setText(QCoreApplication.translate("DonationForm", u"Note on the anonymous donor", None))
        self.form_label.setText(QCoreApplication.translate("DonationForm", u"Form", None))
        self.amount_label.setText(QCoreApplication.translate("DonationForm", u"Amount (yuan)", None))
        self.amount.setPlaceholderText(QCoreApplication.translate("DonationForm", u"e.g. 500 or 1,200.50", None))
        self.channel_label.setText(QCoreApplication.translate("DonationForm", u"Channel", None))
        self.donated_on_label.setText(QCoreApplication.translate("DonationForm", u"Date", None))
        self.campaign_id_label.setText(QCoreApplication.translate("DonationForm", u"Campaign", None))
        self.purpose_label.setText(QCoreApplication.translate("DonationForm", u"Purpose", None))
        self.handler_label.setText(QCoreApplication.translate("DonationForm", u"Handled by", None))
        self.notes_label.setText(QCoreApplication.translate("DonationForm", u"Notes", None))
        self.items_box.setTitle(QCoreApplication.translate("DonationForm", u"Items given (in kind)", None))
        ___qtablewidgetitem = self.items.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DonationForm", u"Item", None))
        ___qtablewidgetitem1 = self.items.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DonationForm", u"Quantity", None))
        ___qtablewidgetitem2 = self.items.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DonationForm", u"Unit", None))
        ___qtablewidgetitem3 = self.items.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("DonationForm", u"Estimated value (yuan)", None))
        self.add_item.setText(QCoreApplication.translate("DonationForm", u"Add item", None))
        self.remove_item.setText(QCoreApplication.translate("DonationForm", u"Remove item", None))
    # retranslateUi

