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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_DonationBatchForm(object):
    def setupUi(self, DonationBatchForm):
        if not DonationBatchForm.objectName():
            DonationBatchForm.setObjectName(u"DonationBatchForm")
        DonationBatchForm.resize(720, 620)
        self.outer = QVBoxLayout(DonationBatchForm)
        self.outer.setObjectName(u"outer")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.declared_count_label = QLabel(DonationBatchForm)
        self.declared_count_label.setObjectName(u"declared_count_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.declared_count_label)

        self.declared_count = QSpinBox(DonationBatchForm)
        self.declared_count.setObjectName(u"declared_count")
        self.declared_count.setMaximum(100000)
        self.declared_count.setMinimum(0)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.declared_count)

        self.declared_total_label = QLabel(DonationBatchForm)
        self.declared_total_label.setObjectName(u"declared_total_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.declared_total_label)

        self.declared_total = QLineEdit(DonationBatchForm)
        self.declared_total.setObjectName(u"declared_total")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.declared_total)

        self.campaign_id_label = QLabel(DonationBatchForm)
        self.campaign_id_label.setObjectName(u"campaign_id_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.campaign_id_label)

        self.campaign_id = QComboBox(DonationBatchForm)
        self.campaign_id.setObjectName(u"campaign_id")
        self.campaign_id.setEditable(True)
        self.campaign_id.setInsertPolicy(QComboBox.NoInsert)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.campaign_id)

        self.donated_on_label = QLabel(DonationBatchForm)
        self.donated_on_label.setObjectName(u"donated_on_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.donated_on_label)

        self.donated_on = QDateEdit(DonationBatchForm)
        self.donated_on.setObjectName(u"donated_on")
        self.donated_on.setCalendarPopup(True)
        self.donated_on.setDisplayFormat(u"yyyy-MM-dd")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.donated_on)

        self.channel_label = QLabel(DonationBatchForm)
        self.channel_label.setObjectName(u"channel_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel = QComboBox(DonationBatchForm)
        self.channel.setObjectName(u"channel")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.channel)


        self.outer.addLayout(self.fields)

        self.rows = QTableWidget(DonationBatchForm)
        if (self.rows.columnCount() < 3):
            self.rows.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.rows.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.rows.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.rows.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.rows.setObjectName(u"rows")

        self.outer.addWidget(self.rows)

        self.row_buttons = QHBoxLayout()
        self.row_buttons.setObjectName(u"row_buttons")
        self.add_row = QPushButton(DonationBatchForm)
        self.add_row.setObjectName(u"add_row")

        self.row_buttons.addWidget(self.add_row)

        self.remove_row = QPushButton(DonationBatchForm)
        self.remove_row.setObjectName(u"remove_row")

        self.row_buttons.addWidget(self.remove_row)

        self.rows_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row_buttons.addItem(self.rows_spacer)

        self.entered = QLabel(DonationBatchForm)
        self.entered.setObjectName(u"entered")
        self.entered.setText(u"")

        self.row_buttons.addWidget(self.entered)


        self.outer.addLayout(self.row_buttons)

        self.message = QLabel(DonationBatchForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(DonationBatchForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.declared_count_label.setBuddy(self.declared_count)
        self.declared_total_label.setBuddy(self.declared_total)
        self.campaign_id_label.setBuddy(self.campaign_id)
        self.donated_on_label.setBuddy(self.donated_on)
        self.channel_label.setBuddy(self.channel)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.declared_count, self.declared_total)
        QWidget.setTabOrder(self.declared_total, self.campaign_id)
        QWidget.setTabOrder(self.campaign_id, self.donated_on)
        QWidget.setTabOrder(self.donated_on, self.channel)
        QWidget.setTabOrder(self.channel, self.rows)
        QWidget.setTabOrder(self.rows, self.add_row)
        QWidget.setTabOrder(self.add_row, self.remove_row)
        QWidget.setTabOrder(self.remove_row, self.buttons)

        self.retranslateUi(DonationBatchForm)
    # setupUi

    def retranslateUi(self, DonationBatchForm):
        DonationBatchForm.setWindowTitle(QCoreApplication.translate("DonationBatchForm", u"Batch entry of donations", None))
        self.declared_count_label.setText(QCoreApplication.translate("DonationBatchForm", u"Receipts on the sheet", None))
        self.declared_total_label.setText(QCoreApplication.translate("DonationBatchForm", u"Total on the sheet (yuan)", None))
        self.declared_total.setPlaceholderText(QCoreApplication.translate("DonationBatchForm", u"the total written on the collection sheet", None))
        self.campaign_id_label.setText(QCoreApplication.translate("DonationBatchForm", u"Campaign", None))
        self.donated_on_label.setText(QCoreApplication.translate("DonationBatchForm", u"Date", None))
        self.channel_label.setText(QCoreApplication.translate("DonationBatchForm", u"Channel", None))
        ___qtablewidgetitem = self.rows.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DonationBatchForm", u"Donor (person)", None))
        ___qtablewidgetitem1 = self.rows.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DonationBatchForm", u"Amount (yuan)", None))
        ___qtablewidgetitem2 = self.rows.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DonationBatchForm", u"Purpose", None))
        self.add_row.setText(QCoreApplication.translate("DonationBatchForm", u"Add row", None))
        self.remove_row.setText(QCoreApplication.translate("DonationBatchForm", u"Remove row", None))
    # retranslateUi

