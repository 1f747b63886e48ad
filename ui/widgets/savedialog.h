// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QFileDialog>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QString>

namespace Apinator::Ui {

// A window-modal "save as JSON lines" dialog, opened at once; handler gets the path chosen.
// Qt's own dialog on the offscreen platform (tests drive it) or with APINATOR_NO_NATIVE_DIALOGS.
template<typename Handler>
QFileDialog *openJsonLinesSaveDialog(QWidget *parent, const QString &objectName, const QString &title,
                                     const QString &filePrefix, Handler handler)
{
    using namespace Qt::StringLiterals;
    auto *dialog = new QFileDialog(parent, title);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog, qEnvironmentVariableIsSet("APINATOR_NO_NATIVE_DIALOGS")
                                                            || QGuiApplication::platformName() == u"offscreen"_s);
    dialog->setNameFilters({QFileDialog::tr("JSON lines (*.jsonl)"), QFileDialog::tr("All files (*)")});
    dialog->setDefaultSuffix(u"jsonl"_s);
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(filePrefix + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s) + u".jsonl"_s);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, handler);
    dialog->open();
    return dialog;
}

} // namespace Apinator::Ui
