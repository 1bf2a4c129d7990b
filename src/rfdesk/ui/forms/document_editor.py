"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_DocumentEditor(object):
    def setupUi(self, DocumentEditor):
        if not DocumentEditor.objectName():
            DocumentEditor.setObjectName(u"DocumentEditor")
        DocumentEditor.resize(860, 940)
        self.outer = QVBoxLayout(DocumentEditor)
        self.outer.setObjectName(u"outer")
        self.head_form = QFormLayout()
        self.head_form.setObjectName(u"head_form")
        self.head_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.head_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kind_label = QLabel(DocumentEditor)
        self.kind_label.setObjectName(u"kind_label")

        self.head_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(DocumentEditor)
        self.kind.setObjectName(u"kind")

        self.head_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.layout_label = QLabel(DocumentEditor)
        self.layout_label.setObjectName(u"layout_label")

        self.head_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.layout_label)

        self.layout = QComboBox(DocumentEditor)
        self.layout.setObjectName(u"layout")

        self.head_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.layout)

        self.title_label = QLabel(DocumentEditor)
        self.title_label.setObjectName(u"title_label")

        self.head_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(DocumentEditor)
        self.title.setObjectName(u"title")

        self.head_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title)

        self.addressees_label = QLabel(DocumentEditor)
        self.addressees_label.setObjectName(u"addressees_label")

        self.head_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressees_label)

        self.addressees = QLineEdit(DocumentEditor)
        self.addressees.setObjectName(u"addressees")

        self.head_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressees)


        self.outer.addLayout(self.head_form)

        self.heading_buttons = QHBoxLayout()
        self.heading_buttons.setObjectName(u"heading_buttons")
        self.body_label = QLabel(DocumentEditor)
        self.body_label.setObjectName(u"body_label")

        self.heading_buttons.addWidget(self.body_label)

        self.b_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.heading_buttons.addItem(self.b_spacer)

        self.level1 = QPushButton(DocumentEditor)
        self.level1.setObjectName(u"level1")

        self.heading_buttons.addWidget(self.level1)

        self.level2 = QPushButton(DocumentEditor)
        self.level2.setObjectName(u"level2")

        self.heading_buttons.addWidget(self.level2)

        self.level3 = QPushButton(DocumentEditor)
        self.level3.setObjectName(u"level3")

        self.heading_buttons.addWidget(self.level3)

        self.level4 = QPushButton(DocumentEditor)
        self.level4.setObjectName(u"level4")

        self.heading_buttons.addWidget(self.level4)


        self.outer.addLayout(self.heading_buttons)

        self.body = QPlainTextEdit(DocumentEditor)
        self.body.setObjectName(u"body")
        self.body.setMinimumSize(QSize(0, 260))
        self.body.setTabChangesFocus(True)

        self.outer.addWidget(self.body)

        self.attachments_box = QGroupBox(DocumentEditor)
        self.attachments_box.setObjectName(u"attachments_box")
        self.att_layout = QVBoxLayout(self.attachments_box)
        self.att_layout.setObjectName(u"att_layout")
        self.attachments = QTableWidget(self.attachments_box)
        if (self.attachments.columnCount() < 2):
            self.attachments.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.attachments.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.attachments.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.attachments.setObjectName(u"attachments")
        self.attachments.setMaximumSize(QSize(16777215, 110))

        self.att_layout.addWidget(self.attachments)

        self.att_buttons = QHBoxLayout()
        self.att_buttons.setObjectName(u"att_buttons")
        self.add_attachment = QPushButton(self.attachments_box)
        self.add_attachment.setObjectName(u"add_attachment")

        self.att_buttons.addWidget(self.add_attachment)

        self.remove_attachment = QPushButton(self.attachments_box)
        self.remove_attachment.setObjectName(u"remove_attachment")

        self.att_buttons.addWidget(self.remove_attachment)

        self.a_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.att_buttons.addItem(self.a_spacer)


        self.att_layout.addLayout(self.att_buttons)


        self.outer.addWidget(self.attachments_box)

        self.tail_form = QFormLayout()
        self.tail_form.setObjectName(u"tail_form")
        self.tail_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.tail_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.cc_label = QLabel(DocumentEditor)
        self.cc_label.setObjectName(u"cc_label")

        self.tail_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cc_label)

        self.cc = QLineEdit(DocumentEditor)
        self.cc.setObjectName(u"cc")

        self.tail_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cc)

        self.issuer_id_label = QLabel(DocumentEditor)
        self.issuer_id_label.setObjectName(u"issuer_id_label")

        self.tail_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuer_id_label)

        self.issuer_id = QComboBox(DocumentEditor)
        self.issuer_id.setObjectName(u"issuer_id")
        self.issuer_id.setEditable(True)
        self.issuer_id.setInsertPolicy(QComboBox.NoInsert)

        self.tail_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuer_id)

        self.issuer_mark_label = QLabel(DocumentEditor)
        self.issuer_mark_label.setObjectName(u"issuer_mark_label")

        self.tail_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuer_mark_label)

        self.issuer_mark = QLineEdit(DocumentEditor)
        self.issuer_mark.setObjectName(u"issuer_mark")

        self.tail_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuer_mark)

        self.number_prefix_label = QLabel(DocumentEditor)
        self.number_prefix_label.setObjectName(u"number_prefix_label")

        self.tail_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.number_prefix_label)

        self.number_prefix = QLineEdit(DocumentEditor)
        self.number_prefix.setObjectName(u"number_prefix")

        self.tail_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.number_prefix)

        self.signatory_label = QLabel(DocumentEditor)
        self.signatory_label.setObjectName(u"signatory_label")

        self.tail_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signatory_label)

        self.signatory = QLineEdit(DocumentEditor)
        self.signatory.setObjectName(u"signatory")

        self.tail_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.signatory)

        self.doc_date_label = QLabel(DocumentEditor)
        self.doc_date_label.setObjectName(u"doc_date_label")

        self.tail_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.doc_date_label)

        self.doc_date = QDateEdit(DocumentEditor)
        self.doc_date.setObjectName(u"doc_date")
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setDisplayFormat(u"yyyy-MM-dd")

        self.tail_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.doc_date)

        self.with_seal_label = QLabel(DocumentEditor)
        self.with_seal_label.setObjectName(u"with_seal_label")

        self.tail_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.with_seal_label)

        self.with_seal = QCheckBox(DocumentEditor)
        self.with_seal.setObjectName(u"with_seal")

        self.tail_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.with_seal)

        self.printed_by_label = QLabel(DocumentEditor)
        self.printed_by_label.setObjectName(u"printed_by_label")

        self.tail_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.printed_by_label)

        self.printed_by = QLineEdit(DocumentEditor)
        self.printed_by.setObjectName(u"printed_by")

        self.tail_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.printed_by)

        self.printed_on_label = QLabel(DocumentEditor)
        self.printed_on_label.setObjectName(u"printed_on_label")

        self.tail_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.printed_on_label)

        self.printed_on = QDateEdit(DocumentEditor)
        self.printed_on.setObjectName(u"printed_on")
        self.printed_on.setCalendarPopup(True)
        self.printed_on.setDisplayFormat(u"yyyy-MM-dd")

        self.tail_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.printed_on)

        self.number_label = QLabel(DocumentEditor)
        self.number_label.setObjectName(u"number_label")

        self.tail_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number = QLabel(DocumentEditor)
        self.number.setObjectName(u"number")
        self.number.setText(u"")

        self.tail_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.number)


        self.outer.addLayout(self.tail_form)

        self.message = QLabel(DocumentEditor)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.doc_buttons = QHBoxLayout()
        self.doc_buttons.setObjectName(u"doc_buttons")
        self.preview = QPushButton(DocumentEditor)
        self.preview.setObjectName(u"preview")

        self.doc_buttons.addWidget(self.preview)

        self.save_pdf = QPushButton(DocumentEditor)
        self.save_pdf.setObjectName(u"save_pdf")

        self.doc_buttons.addWidget(self.save_pdf)

        self.print = QPushButton(DocumentEditor)
        self.print.setObjectName(u"print")

        self.doc_buttons.addWidget(self.print)

        self.issue = QPushButton(DocumentEditor)
        self.issue.setObjectName(u"issue")

        self.doc_buttons.addWidget(self.issue)

        self.d_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.doc_buttons.addItem(self.d_spacer)

        self.buttons = QDialogButtonBox(DocumentEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.doc_buttons.addWidget(self.buttons)


        self.outer.addLayout(self.doc_buttons)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.layout_label.setBuddy(self.layout)
        self.title_label.setBuddy(self.title)
        self.addressees_label.setBuddy(self.addressees)
        self.cc_label.setBuddy(self.cc)
        self.issuer_id_label.setBuddy(self.issuer_id)
        self.issuer_mark_label.setBuddy(self.issuer_mark)
        self.number_prefix_label.setBuddy(self.number_prefix)
        self.signatory_label.setBuddy(self.signatory)
        self.doc_date_label.setBuddy(self.doc_date)
        self.with_seal_label.setBuddy(self.with_seal)
        self.printed_by_label.setBuddy(self.printed_by)
        self.printed_on_label.setBuddy(self.printed_on)
        self.number_label.setBuddy(self.number)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.layout)
        QWidget.setTabOrder(self.layout, self.title)
        QWidget.setTabOrder(self.title, self.addressees)
        QWidget.setTabOrder(self.addressees, self.body)
        QWidget.setTabOrder(self.body, self.attachments)
        QWidget.setTabOrder(self.attachments, self.cc)
        QWidget.setTabOrder(self.cc, self.issuer_id)
        QWidget.setTabOrder(self.issuer_id, self.issuer_mark)
        QWidget.setTabOrder(self.issuer_mark, self.number_prefix)
        QWidget.setTabOrder(self.number_prefix, self.signatory)
        QWidget.setTabOrder(self.signatory, self.doc_date)
        QWidget.setTabOrder(self.doc_date, self.with_seal)
        QWidget.setTabOrder(self.with_seal, self.printed_by)
        QWidget.setTabOrder(self.printed_by, self.printed_on)
        QWidget.setTabOrder(self.printed_on, self.preview)
        QWidget.setTabOrder(self.preview, self.save_pdf)
        QWidget.setTabOrder(self.save_pdf, self.print)
        QWidget.setTabOrder(self.print, self.issue)
        QWidget.setTabOrder(self.issue, self.buttons)

        self.retranslateUi(DocumentEditor)
    # setupUi

    def retranslateUi(self, DocumentEditor):
        DocumentEditor.setWindowTitle(QCoreApplication.translate("DocumentEditor", u"Official document", None))
        self.kind_label.setText(QCoreApplication.translate("DocumentEditor", u"Kind", None))
        self.layout_label.setText(QCoreApplication.translate("DocumentEditor", u"Layout", None))
        self.title_label.setText(QCoreApplication.translate("DocumentEditor", u"Title", None))
        self.addressees_label.setText(QCoreApplication.translate("DocumentEditor", u"Main recipients (\u4e3b\u9001)", None))
        self.body_label.setText(QCoreApplication.translate("DocumentEditor", u"Body", None))
        self.level1.setText(QCoreApplication.translate("DocumentEditor", u"\u4e00\u3001", None))
        self.level2.setText(QCoreApplication.translate("DocumentEditor", u"\uff08\u4e00\uff09", None))
        self.level3.setText(QCoreApplication.translate("DocumentEditor", u"1.", None))
        self.level4.setText(QCoreApplication.translate("DocumentEditor", u"\uff081\uff09", None))
        self.attachments_box.setTitle(QCoreApplication.translate("DocumentEditor", u"Attachments", None))
        ___qtablewidgetitem = self.attachments.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DocumentEditor", u"Title", None))
        ___qtablewidgetitem1 = self.attachments.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DocumentEditor", u"Text", None))
        self.add_attachment.setText(QCoreApplication.translate("DocumentEditor", u"Add attachment", None))
        self.remove_attachment.setText(QCoreApplication.translate("DocumentEditor", u"Remove attachment", None))
        self.cc_label.setText(QCoreApplication.translate("DocumentEditor", u"Copy to (\u6284\u9001)", None))
        self.issuer_id_label.setText(QCoreApplication.translate("DocumentEditor", u"Issuing organisation", None))
        self.issuer_mark_label.setText(QCoreApplication.translate("DocumentEditor", u"Issuer mark", None))
        self.issuer_mark.setPlaceholderText(QCoreApplication.translate("DocumentEditor", u"e.g. \u6cb3\u5357\u7701\u4eba\u6c11\u9632\u7a7a\u529e\u516c\u5ba4\u6587\u4ef6", None))
        self.number_prefix_label.setText(QCoreApplication.translate("DocumentEditor", u"Issuer code", None))
        self.number_prefix.setPlaceholderText(QCoreApplication.translate("DocumentEditor", u"e.g. \u8c6b\u4eba\u9632", None))
        self.signatory_label.setText(QCoreApplication.translate("DocumentEditor", u"Signed by", None))
        self.doc_date_label.setText(QCoreApplication.translate("DocumentEditor", u"Date", None))
        self.with_seal_label.setText(QCoreApplication.translate("DocumentEditor", u"Seal", None))
        self.with_seal.setText(QCoreApplication.translate("DocumentEditor", u"With seal", None))
        self.printed_by_label.setText(QCoreApplication.translate("DocumentEditor", u"Printed by", None))
        self.printed_on_label.setText(QCoreApplication.translate("DocumentEditor", u"Printed on", None))
        self.number_label.setText(QCoreApplication.translate("DocumentEditor", u"Document number", None))
        self.preview.setText(QCoreApplication.translate("DocumentEditor", u"Preview", None))
        self.save_pdf.setText(QCoreApplication.translate("DocumentEditor", u"Save as PDF\u2026", None))
        self.print.setText(QCoreApplication.translate("DocumentEditor", u"Print\u2026", None))
        self.issue.setText(QCoreApplication.translate("DocumentEditor", u"Issue and number", None))
    # retranslateUi

