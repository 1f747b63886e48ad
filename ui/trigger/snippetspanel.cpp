// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/snippetspanel.h"

#include "widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// A snippet embeds the data; past this it would be a wall of text, so it is not built live.
constexpr qsizetype MaxSnippetData = 256 * 1024;

} // namespace

SnippetsPanel::SnippetsPanel(QWidget *parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
    , m_copy(new QPushButton(icon(u"duplicate"_s), tr("Copy"), this))
    , m_note(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    m_language->setObjectName(u"snippetLanguage"_s);
    m_language->setAccessibleName(tr("Snippet language"));
    for (SnippetLanguage l : snippetLanguages())
        m_language->addItem(snippetLanguageTitle(l), snippetLanguageName(l));
    m_copy->setObjectName(u"snippetCopy"_s);
    m_copy->setAccessibleName(tr("Copy the snippet"));
    m_copy->setToolTip(tr("Copy the snippet to the clipboard"));
    m_note->setObjectName(u"snippetNote"_s);
    m_note->setWordWrap(true);
    m_note->setText(tr("Credentials come from APINATOR_APP_ID, APINATOR_KEY and APINATOR_SECRET in the "
                       "environment: the secret is never in the snippet."));
    m_text->setObjectName(u"snippetText"_s);
    m_text->setAccessibleName(tr("Snippet"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *top = new QHBoxLayout;
    top->addWidget(m_language, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(m_text, 1);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SnippetsPanel::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &SnippetsPanel::copy);
}

void SnippetsPanel::setInput(const SnippetInput &input)
{
    m_input = input;
    if (isVisible())
        regenerate();
}

void SnippetsPanel::setLanguage(SnippetLanguage language)
{
    m_language->setCurrentIndex(m_language->findData(snippetLanguageName(language)));
    regenerate();
}

SnippetLanguage SnippetsPanel::language() const
{
    return snippetLanguageFromName(m_language->currentData().toString()).value_or(SnippetLanguage::Curl);
}

QString SnippetsPanel::text() const
{
    // Built on demand when the panel is hidden (tests, Copy from elsewhere).
    return m_input.request.data.size() > MaxSnippetData ? m_text->toPlainText()
                                                        : generateSnippet(language(), m_input);
}

void SnippetsPanel::copy()
{
    const QString snippet = m_input.request.data.size() > MaxSnippetData ? generateSnippet(language(), m_input) : text();
    QApplication::clipboard()->setText(snippet);
    m_copy->setText(tr("Copied"));
}

void SnippetsPanel::showEvent(QShowEvent *event)
{
    regenerate();
    QWidget::showEvent(event);
}

void SnippetsPanel::regenerate()
{
    m_copy->setText(tr("Copy"));
    if (m_input.request.data.size() > MaxSnippetData) {
        m_text->setPlainText(tr("The data is %1 bytes: Copy builds the snippet without showing it here.")
                                 .arg(m_input.request.data.size()));
        return;
    }
    m_text->setPlainText(generateSnippet(language(), m_input));
}

} // namespace Apinator::Ui
