// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "productionguard.h"

#include <apinator/profilestore.h>

#include <QCheckBox>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

void confirmSend(QWidget *parent, ProfileStore *profiles, const Profile &profile, const QString &action,
                 std::function<void(bool confirmed)> proceed)
{
    if (!profile.needsConfirmation()) {
        proceed(true);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, QObject::tr("Send with a production profile?"),
                                QObject::tr("“%1” is a production profile. %2 with it?").arg(profile.name, action),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QLatin1StringView(ConfirmSendDialogName));
    box->setInformativeText(QObject::tr("Whatever is sent reaches the real app and its users."));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *send = box->addButton(QObject::tr("&Send"), QMessageBox::AcceptRole);
    send->setAccessibleName(QObject::tr("Send with %1").arg(profile.name));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(QObject::tr("Cancel"));
    box->setDefaultButton(cancel); // Enter must not send to production by reflex
    auto *dontAsk = new QCheckBox(QObject::tr("Don't ask again for this profile"), box);
    dontAsk->setAccessibleName(dontAsk->text());
    box->setCheckBox(dontAsk);

    const QString id = profile.id;
    QPointer<ProfileStore> store(profiles);
    QObject::connect(box, &QMessageBox::finished, box, [box, send, dontAsk, store, id, proceed] {
        const bool confirmed = box->clickedButton() == send;
        if (confirmed && dontAsk->isChecked() && store) {
            if (std::optional<Profile> current = store->findById(id)) {
                current->confirmBeforeSend = false;
                store->update(*current);
            }
        }
        proceed(confirmed);
    });
    box->open();
}

} // namespace Apinator::Ui
