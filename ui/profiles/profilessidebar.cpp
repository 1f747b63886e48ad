// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profilessidebar.h"

#include "widgets/environmentchip.h"
#include "widgets/icons.h"
#include "widgets/textlabel.h"
#include "widgets/widgethelpers.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScopedValueRollback>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr int IdRole = Qt::UserRole;
} // namespace

ProfilesSidebar::ProfilesSidebar(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(u"profilesSidebar"_s);
    auto *title = new TextLabel(tr("App profiles"), this);
    makeSectionHeading(title);

    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // Drag to reorder; Alt+Up / Alt+Down do the same from the keyboard.
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setUniformItemSizes(true);
    const int iconSide = m_list->fontMetrics().height();
    m_list->setIconSize(QSize(iconSide, iconSide));

    m_add = addButton(u"add"_s, u"addProfileButton"_s, tr("Add profile"));
    // Ctrl+N is the window's (File > New profile), so it works from anywhere.
    m_add->setToolTip(tr("Add profile (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_duplicate = addButton(u"duplicate"_s, u"duplicateProfileButton"_s, tr("Duplicate profile"),
                            QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = addButton(u"delete"_s, u"deleteProfileButton"_s, tr("Delete profile"), QKeySequence::Delete);
    m_up = addButton(u"move-up"_s, u"moveUpButton"_s, tr("Move profile up"), QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = addButton(u"move-down"_s, u"moveDownButton"_s, tr("Move profile down"),
                       QKeySequence(Qt::ALT | Qt::Key_Down));
    m_import = addButton(u"import"_s, u"importButton"_s, tr("Import a .env file or an export"));
    m_export = addButton(u"export"_s, u"exportButton"_s, tr("Export profiles (without secrets)"));
    // Delete acts on the list only: in a text field the key deletes text.
    for (QAction *action : m_delete->actions())
        action->setShortcutContext(Qt::WidgetShortcut);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QToolButton *b : {m_add, m_duplicate, m_delete, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_add, &QToolButton::clicked, this, &ProfilesSidebar::addRequested);
    connect(m_duplicate, &QToolButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            Q_EMIT duplicateRequested(currentId());
    });
    connect(m_delete, &QToolButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            Q_EMIT deleteRequested(currentId());
    });
    connect(m_up, &QToolButton::clicked, this, [this] {
        if (m_list->currentRow() > 0)
            Q_EMIT moveRequested(currentId(), m_list->currentRow() - 1);
    });
    connect(m_down, &QToolButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row >= 0 && row + 1 < m_list->count())
            Q_EMIT moveRequested(currentId(), row + 1);
    });
    connect(m_import, &QToolButton::clicked, this, &ProfilesSidebar::importRequested);
    connect(m_export, &QToolButton::clicked, this, &ProfilesSidebar::exportRequested);
    connect(m_list, &QListWidget::currentItemChanged, this, [this] {
        refreshButtons();
        if (!m_filling)
            Q_EMIT currentChanged(currentId());
    });
    // A drop has moved an item inside the view: tell the store once the view is done.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                if (m_filling)
                    return;
                const int to = row > start ? row - 1 : row;
                const QListWidgetItem *item = m_list->item(to);
                if (!item)
                    return;
                const QString id = item->data(IdRole).toString();
                QTimer::singleShot(0, this, [this, id, to] { Q_EMIT moveRequested(id, to); });
            });
    refreshButtons();
}

QToolButton *ProfilesSidebar::addButton(const QString &iconName, const QString &objectName, const QString &text,
                                        const QKeySequence &shortcut)
{
    auto *button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setIcon(icon(iconName));
    button->setAutoRaise(true);
    button->setAccessibleName(text);
    button->setToolTip(shortcut.isEmpty() ? text
                                          : u"%1 (%2)"_s.arg(text, shortcut.toString(QKeySequence::NativeText)));
    if (!shortcut.isEmpty()) {
        // On the list, so the keys work where the profiles are, not in the form's fields.
        auto *action = new QAction(text, m_list);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
        connect(action, &QAction::triggered, button, &QToolButton::click);
    }
    return button;
}

void ProfilesSidebar::setProfiles(const QList<Profile> &profiles)
{
    const QString current = currentId();
    QScopedValueRollback guard(m_filling, true);
    m_list->clear();
    for (const Profile &profile : profiles) {
        auto *item = new QListWidgetItem(environmentIcon(profile.environment), profile.name, m_list);
        item->setData(IdRole, profile.id);
        item->setToolTip(u"%1 · %2"_s.arg(environmentTitle(profile.environment), profile.restBaseUrl()));
        // Not a drop target: dropping onto an item would nest it; between items moves it.
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    setCurrentId(current);
    refreshButtons();
}

QString ProfilesSidebar::currentId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->isSelected() ? item->data(IdRole).toString() : QString();
}

void ProfilesSidebar::setCurrentId(const QString &id)
{
    QScopedValueRollback guard(m_filling, true);
    for (int row = 0; row < m_list->count(); ++row) {
        if (!id.isEmpty() && m_list->item(row)->data(IdRole).toString() == id) {
            m_list->setCurrentRow(row, QItemSelectionModel::ClearAndSelect);
            refreshButtons();
            return;
        }
    }
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    refreshButtons();
}

QStringList ProfilesSidebar::ids() const
{
    QStringList out;
    for (int row = 0; row < m_list->count(); ++row)
        out << m_list->item(row)->data(IdRole).toString();
    return out;
}

void ProfilesSidebar::refreshButtons()
{
    const int row = m_list->currentRow();
    const bool selected = !currentId().isEmpty();
    m_duplicate->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_list->count());
    m_export->setEnabled(m_list->count() > 0);
}

} // namespace Apinator::Ui
