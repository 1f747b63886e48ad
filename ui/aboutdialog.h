// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace Apinator::Ui {

// Version of the console and of what it runs on: Qt, OpenSSL, libcurl. Selectable text,
// and a button that copies it all for a bug report.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The lines shown (and copied): "Apinator Console 0.1.0", "Qt 6.4.2 (built with 6.4.2)", ...
    static QStringList versionLines();
};

} // namespace Apinator::Ui
