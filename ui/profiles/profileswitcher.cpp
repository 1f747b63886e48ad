// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profileswitcher.h"

#include "widgets/environmentchip.h"
#include "widgets/icons.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr int SearchRole = Qt::UserRole + 1;
} // namespace

ProfileSwitcher::ProfileSwitcher(const QList<Profile> &profiles, const QString &currentId, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"profileSwitcher"_s);
    setWindowTitle(tr("Switch profile"));
    setAccessibleName(windowTitle());
    m_filter->setObjectName(u"switcherFilter"_s);
    m_filter->setAccessibleName(tr("Profile name"));
    m_filter->setPlaceholderText(tr("Type a profile's name or environment…"));
    m_filter->addAction(icon(u"search"_s), QLineEdit::LeadingPosition);
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(u"switcherList"_s);
    m_list->setAccessibleName(tr("Matching profiles"));
    const int side = m_list->fontMetrics().height();
    m_list->setIconSize(QSize(side, side));
    for (const Profile &profile : profiles) {
        auto *item = new QListWidgetItem(environmentIcon(profile.environment),
                                         u"%1  —  %2"_s.arg(profile.name, environmentTitle(profile.environment)),
                                         m_list);
        item->setData(IdRole, profile.id);
        item->setData(SearchRole, QString(profile.name + u' ' + environmentName(profile.environment)));
        if (profile.id == currentId)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(420, 320);

    // Up and Down move in the list while typing stays in the filter.
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &ProfileSwitcher::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &ProfileSwitcher::choose);
    connect(m_list, &QListWidget::itemActivated, this, &ProfileSwitcher::choose);
    m_filter->setFocus();
}

bool ProfileSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int keyCode = static_cast<QKeyEvent *>(event)->key();
        if (keyCode == Qt::Key_Up || keyCode == Qt::Key_Down || keyCode == Qt::Key_PageUp
            || keyCode == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ProfileSwitcher::applyFilter(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QListWidgetItem *firstShown = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString haystack = item->data(SearchRole).toString();
        const bool match = std::all_of(words.cbegin(), words.cend(), [&](const QString &w) {
            return haystack.contains(w, Qt::CaseInsensitive);
        });
        item->setHidden(!match);
        if (match && !firstShown)
            firstShown = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstShown);
}

void ProfileSwitcher::choose()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    m_chosen = item->data(IdRole).toString();
    Q_EMIT profileChosen(m_chosen);
    accept();
}

} // namespace Apinator::Ui
