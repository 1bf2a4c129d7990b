"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(720, 520)
        self.outer = QVBoxLayout(SettingsDialog)
        self.outer.setObjectName(u"outer")
        self.backup_box = QGroupBox(SettingsDialog)
        self.backup_box.setObjectName(u"backup_box")
        self.backup_fields = QFormLayout(self.backup_box)
        self.backup_fields.setObjectName(u"backup_fields")
        self.backup_fields.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.daily_label = QLabel(self.backup_box)
        self.daily_label.setObjectName(u"daily_label")

        self.backup_fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.daily_label)

        self.daily = QSpinBox(self.backup_box)
        self.daily.setObjectName(u"daily")
        self.daily.setMaximumSize(QSize(120, 16777215))
        self.daily.setMaximum(1000)

        self.backup_fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.daily)

        self.weekly_label = QLabel(self.backup_box)
        self.weekly_label.setObjectName(u"weekly_label")

        self.backup_fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.weekly_label)

        self.weekly = QSpinBox(self.backup_box)
        self.weekly.setObjectName(u"weekly")
        self.weekly.setMaximumSize(QSize(120, 16777215))
        self.weekly.setMaximum(1000)

        self.backup_fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.weekly)

        self.monthly_label = QLabel(self.backup_box)
        self.monthly_label.setObjectName(u"monthly_label")

        self.backup_fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.monthly_label)

        self.monthly = QSpinBox(self.backup_box)
        self.monthly.setObjectName(u"monthly")
        self.monthly.setMaximumSize(QSize(120, 16777215))
        self.monthly.setMaximum(1000)

        self.backup_fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.monthly)

        self.backup_note = QLabel(self.backup_box)
        self.backup_note.setObjectName(u"backup_note")
        self.backup_note.setWordWrap(True)
        self.backup_note.setStyleSheet(u"color: #555;")

        self.backup_fields.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.backup_note)


        self.outer.addWidget(self.backup_box)

        self.fonts_box = QGroupBox(SettingsDialog)
        self.fonts_box.setObjectName(u"fonts_box")
        self.font_fields = QGridLayout(self.fonts_box)
        self.font_fields.setObjectName(u"font_fields")
        self.body_label = QLabel(self.fonts_box)
        self.body_label.setObjectName(u"body_label")

        self.font_fields.addWidget(self.body_label, 0, 0, 1, 1)

        self.body_font = QComboBox(self.fonts_box)
        self.body_font.setObjectName(u"body_font")
        self.body_font.setMinimumSize(QSize(240, 0))

        self.font_fields.addWidget(self.body_font, 0, 1, 1, 1)

        self.body_status = QLabel(self.fonts_box)
        self.body_status.setObjectName(u"body_status")
        self.body_status.setWordWrap(True)
        self.body_status.setText(u"")

        self.font_fields.addWidget(self.body_status, 0, 2, 1, 1)

        self.title_label = QLabel(self.fonts_box)
        self.title_label.setObjectName(u"title_label")

        self.font_fields.addWidget(self.title_label, 1, 0, 1, 1)

        self.title_font = QComboBox(self.fonts_box)
        self.title_font.setObjectName(u"title_font")
        self.title_font.setMinimumSize(QSize(240, 0))

        self.font_fields.addWidget(self.title_font, 1, 1, 1, 1)

        self.title_status = QLabel(self.fonts_box)
        self.title_status.setObjectName(u"title_status")
        self.title_status.setWordWrap(True)
        self.title_status.setText(u"")

        self.font_fields.addWidget(self.title_status, 1, 2, 1, 1)

        self.heading_label = QLabel(self.fonts_box)
        self.heading_label.setObjectName(u"heading_label")

        self.font_fields.addWidget(self.heading_label, 2, 0, 1, 1)

        self.heading_font = QComboBox(self.fonts_box)
        self.heading_font.setObjectName(u"heading_font")
        self.heading_font.setMinimumSize(QSize(240, 0))

        self.font_fields.addWidget(self.heading_font, 2, 1, 1, 1)

        self.heading_status = QLabel(self.fonts_box)
        self.heading_status.setObjectName(u"heading_status")
        self.heading_status.setWordWrap(True)
        self.heading_status.setText(u"")

        self.font_fields.addWidget(self.heading_status, 2, 2, 1, 1)

        self.subheading_label = QLabel(self.fonts_box)
        self.subheading_label.setObjectName(u"subheading_label")

        self.font_fields.addWidget(self.subheading_label, 3, 0, 1, 1)

        self.subheading_font = QComboBox(self.fonts_box)
        self.subheading_font.setObjectName(u"subheading_font")
        self.subheading_font.setMinimumSize(QSize(240, 0))

        self.font_fields.addWidget(self.subheading_font, 3, 1, 1, 1)

        self.subheading_status = QLabel(self.fonts_box)
        self.subheading_status.setObjectName(u"subheading_status")
        self.subheading_status.setWordWrap(True)
        self.subheading_status.setText(u"")

        self.font_fields.addWidget(self.subheading_status, 3, 2, 1, 1)

        self.fonts_note = QLabel(self.fonts_box)
        self.fonts_note.setObjectName(u"fonts_note")
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setStyleSheet(u"color: #555;")

        self.font_fields.addWidget(self.fonts_note, 4, 0, 1, 3)

        self.font_fields.setColumnStretch(2, 1)

        self.outer.addWidget(self.fonts_box)

        self.v_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.v_spacer)

        self.message = QLabel(SettingsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setText(u"")

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.daily_label.setBuddy(self.daily)
        self.weekly_label.setBuddy(self.weekly)
        self.monthly_label.setBuddy(self.monthly)
        self.body_label.setBuddy(self.body_font)
        self.title_label.setBuddy(self.title_font)
        self.heading_label.setBuddy(self.heading_font)
        self.subheading_label.setBuddy(self.subheading_font)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.daily, self.weekly)
        QWidget.setTabOrder(self.weekly, self.monthly)
        QWidget.setTabOrder(self.monthly, self.body_font)
        QWidget.setTabOrder(self.body_font, self.title_font)
        QWidget.setTabOrder(self.title_font, self.heading_font)
        QWidget.setTabOrder(self.heading_font, self.subheading_font)
        QWidget.setTabOrder(self.subheading_font, self.buttons)

        self.retranslateUi(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.backup_box.setTitle(QCoreApplication.translate("SettingsDialog", u"Automatic backups to keep", None))
        self.daily_label.setText(QCoreApplication.translate("SettingsDialog", u"Days (newest backup of each day)", None))
        self.weekly_label.setText(QCoreApplication.translate("SettingsDialog", u"Weeks (newest of each week)", None))
        self.monthly_label.setText(QCoreApplication.translate("SettingsDialog", u"Months (newest of each month)", None))
        self.backup_note.setText(QCoreApplication.translate("SettingsDialog", u"rfdesk backs up the database in its data folder when it closes and once a day. Of these automatic backups it keeps the newest of so many days, weeks and months, and deletes the others. Backups you make yourself are never deleted.", None))
        self.fonts_box.setTitle(QCoreApplication.translate("SettingsDialog", u"Fonts for printing", None))
        self.body_label.setText(QCoreApplication.translate("SettingsDialog", u"Body text (FangSong)", None))
        self.title_label.setText(QCoreApplication.translate("SettingsDialog", u"Title (XiaoBiaoSong)", None))
        self.heading_label.setText(QCoreApplication.translate("SettingsDialog", u"Level-1 headings (HeiTi)", None))
        self.subheading_label.setText(QCoreApplication.translate("SettingsDialog", u"Level-2 headings (KaiTi)", None))
        self.fonts_note.setText(QCoreApplication.translate("SettingsDialog", u"\u201cStandard\u201d prints in the font GB/T 9704 asks for when this computer has it, otherwise in the font that comes with rfdesk.", None))
    # retranslateUi

