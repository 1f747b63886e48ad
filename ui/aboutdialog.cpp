// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "aboutdialog.h"

#include "widgets/icons.h"

#include <apinator/crypto.h>
#include <apinator/httpclient.h>

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Apinator Console"));

    auto *logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    auto *title = new QLabel(u"Apinator Console"_s, this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    auto *blurb = new QLabel(tr("A native developer console for Apinator realtime apps: profiles, "
                                "a local sandbox, and soon events, auth and webhooks."),
                             this);
    blurb->setWordWrap(true);
    auto *versions = new QLabel(versionLines().join(u'\n'), this);
    versions->setObjectName(u"versionsLabel"_s);
    versions->setTextFormat(Qt::PlainText);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    versions->setAccessibleName(tr("Versions"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setAccessibleName(tr("Copy versions"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(copy, &QPushButton::clicked, this,
            [] { QGuiApplication::clipboard()->setText(versionLines().join(u'\n')); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addSpacing(8);
    text->addWidget(versions);
    auto *top = new QHBoxLayout;
    top->addWidget(logo, 0, Qt::AlignTop);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QStringList AboutDialog::versionLines()
{
    // The Qt loaded at run time can differ from the one built against (distribution updates).
    const QString qtRuntime = QString::fromLatin1(qVersion());
    const QString qtBuild = QStringLiteral(QT_VERSION_STR);
    return {
        tr("Apinator Console %1").arg(QStringLiteral(APINATOR_VERSION)),
        qtRuntime == qtBuild ? tr("Qt %1").arg(qtRuntime) : tr("Qt %1 (built with %2)").arg(qtRuntime, qtBuild),
        Crypto::opensslVersion(),
        HttpClient::curlVersion(),
        QSysInfo::prettyProductName() + u" (" + QSysInfo::currentCpuArchitecture() + u')',
    };
}

} // namespace Apinator::Ui
