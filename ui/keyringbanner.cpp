// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "keyringbanner.h"

#include "widgets/messagebar.h"

#include <apinator/secretstore.h>

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

KeyringBanner::KeyringBanner(SecretVault *vault, MessageBar *bar, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_bar(bar)
{
    m_bar->setObjectName(u"keyringBanner"_s);
    connect(m_vault, &SecretVault::ready, this, &KeyringBanner::refresh);
    connect(m_vault, &SecretVault::backendChanged, this, &KeyringBanner::refresh);
    refresh();
}

void KeyringBanner::refresh()
{
    switch (m_vault->backend()) {
    case SecretVault::Backend::Probing:
    case SecretVault::Backend::Keyring:
        m_bar->hide();
        return;
    case SecretVault::Backend::Memory: {
        m_bar->showMessage(MessageBar::Kind::Warning,
                           tr("No system keyring answered (%1). Secrets are kept for this session only: they are "
                              "forgotten when the console closes.")
                               .arg(m_vault->fallbackReason()));
        // Not closable: forgetting secrets at exit must stay in view while it is true.
        m_bar->setClosable(false);
        QPushButton *button = m_bar->addAction(tr("Store in a file only I can read…"));
        button->setObjectName(u"fileStoreButton"_s);
        connect(button, &QPushButton::clicked, this, &KeyringBanner::offerFileStore);
        return;
    }
    case SecretVault::Backend::File:
        m_bar->showMessage(MessageBar::Kind::Info,
                           tr("Secrets are stored unencrypted in %1, readable only by your user account.")
                               .arg(QDir::toNativeSeparators(m_vault->filePath())));
        m_bar->setClosable(true);
        return;
    }
}

void KeyringBanner::offerFileStore()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Store secrets in a file?"),
                                tr("The secrets will be written, unencrypted, to\n%1\nwith permissions that let "
                                   "only your user account read it (mode 0600).")
                                    .arg(QDir::toNativeSeparators(m_vault->filePath())),
                                QMessageBox::NoButton, m_bar->window());
    box->setObjectName(u"fileStoreDialog"_s);
    box->setInformativeText(tr("Other accounts on this machine cannot read it. Any program running as you can, "
                               "and so can an administrator, and anyone with a copy of this disk or its backups: "
                               "the protection of an SSH key file, not of a keyring."));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *store = box->addButton(tr("Store in the file"), QMessageBox::AcceptRole);
    store->setObjectName(u"confirmFileStoreButton"_s);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::finished, this, [this, box, store] {
        if (box->clickedButton() != store)
            return;
        if (const QString error = m_vault->useFileFallback(); !error.isEmpty())
            m_bar->showMessage(MessageBar::Kind::Error, tr("The secrets file could not be used: %1").arg(error));
    });
    box->open();
}

} // namespace Apinator::Ui
