// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/copyfield.h"

#include "widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

CopyField::CopyField(const QString &objectName, const QString &caption, int lines, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(caption, this))
    , m_view(new QTextEdit(this))
    , m_copy(new QToolButton(this))
{
    setObjectName(objectName + u"Field"_s);
    m_view->setObjectName(objectName);
    m_view->setAccessibleName(caption);
    m_view->setReadOnly(true);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setWordWrapMode(QTextOption::WrapAnywhere);
    const int height = m_view->fontMetrics().lineSpacing() * lines + 2 * m_view->frameWidth() + 8;
    m_view->setFixedHeight(height);
    m_caption->setBuddy(m_view);
    m_copy->setObjectName(objectName + u"Copy"_s);
    m_copy->setIcon(icon(u"duplicate"_s));
    m_copy->setText(tr("Copy"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAccessibleName(tr("Copy %1").arg(caption.toLower()));
    m_copy->setToolTip(tr("Copy the exact bytes to the clipboard"));
    m_copy->setEnabled(false);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(QString::fromUtf8(m_value));
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_view, 1);
    row->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addLayout(row);
}

void CopyField::setValue(const QByteArray &copied, const QString &shownHtml)
{
    m_value = copied;
    if (shownHtml.isEmpty())
        m_view->setPlainText(QString::fromUtf8(copied));
    else
        m_view->setHtml(shownHtml);
    m_copy->setEnabled(true);
}

void CopyField::clearValue(const QString &placeholder)
{
    m_value.clear();
    m_view->clear();
    m_view->setPlaceholderText(placeholder);
    m_copy->setEnabled(false);
}

QString CopyField::shownText() const
{
    return m_view->toPlainText();
}

} // namespace Apinator::Ui
