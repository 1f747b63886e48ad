// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace Apinator::Ui {

// Ctrl+P: type a few letters of a profile's name (or environment), Enter switches to it.
class ProfileSwitcher final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSwitcher)
public:
    ProfileSwitcher(const QList<Profile> &profiles, const QString &currentId, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    QString chosenId() const { return m_chosen; }

Q_SIGNALS:
    void profileChosen(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(const QString &text);
    void choose();

    QLineEdit *m_filter;
    QListWidget *m_list;
    QString m_chosen;
};

} // namespace Apinator::Ui
