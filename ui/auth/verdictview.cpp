// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/verdictview.h"

#include "widgets/bytediffview.h"
#include "widgets/environmentchip.h"
#include "widgets/selectablelabel.h"

#include <QAbstractTextDocumentLayout>
#include <QLabel>
#include <QTextEdit>
#include <QtMath>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QString valueOr(const QByteArray &value, const QString &none)
{
    return value.isEmpty() ? none : QString::fromUtf8(value).toHtmlEscaped();
}

} // namespace

VerdictView::VerdictView(const QString &prefix, QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_causes(new QLabel(this))
    , m_values(new QTextEdit(this))
    , m_bytes(new ByteDiffView(this))
{
    m_verdict->setObjectName(prefix + u"Verdict"_s);
    m_causes->setObjectName(prefix + u"Causes"_s);
    m_values->setObjectName(prefix + u"Values"_s);
    m_bytes->setObjectName(prefix + u"Bytes"_s);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_verdict->setFont(big);
    m_causes->setWordWrap(true);
    m_causes->setTextFormat(Qt::RichText);
    makeSelectableByMouse(m_causes);
    // Signatures are one long word: a text view can break them anywhere, a label cannot.
    m_values->setReadOnly(true);
    m_values->setFrameShape(QFrame::NoFrame);
    m_values->setWordWrapMode(QTextOption::WrapAnywhere);
    m_values->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_values->setAccessibleName(tr("Expected and provided values"));
    m_values->viewport()->setAutoFillBackground(false);
    connect(m_values->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, m_values,
            [this](const QSizeF &size) { m_values->setFixedHeight(qCeil(size.height()) + 2); });
    m_bytes->setMinimumHeight(110);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_causes);
    layout->addWidget(m_values);
    layout->addWidget(m_bytes, 1);
    showMessage(QString());
}

void VerdictView::showMessage(const QString &message)
{
    m_codes.clear();
    m_verdict->setText(message);
    m_verdict->setAccessibleName(message);
    QPalette p = palette();
    m_verdict->setPalette(p);
    m_causes->clear();
    m_values->clear();
    m_bytes->clearBytes();
    m_bytes->setVisible(false);
}

void VerdictView::setInspection(const AuthInspection &inspection, const CauseList &leading, bool inspected)
{
    CauseList causes = leading;
    if (inspected)
        causes.append(inspection.causes);
    m_codes.clear();
    const bool valid = inspected && leading.isEmpty() && inspection.valid;
    m_verdict->setText(valid ? tr("Valid: a client would subscribe with this answer")
                             : tr("Invalid: a client would be refused"));
    m_verdict->setAccessibleName(m_verdict->text());
    QPalette p = palette();
    p.setColor(QPalette::WindowText, valid ? QColor(0x1a, 0x7f, 0x37) : environmentColor(Environment::Production));
    m_verdict->setPalette(p);

    QString list;
    for (const Cause &cause : std::as_const(causes)) {
        m_codes << cause.code;
        list += u"<li>%1 <code style='color:gray'>[%2]</code></li>"_s.arg(cause.message.toHtmlEscaped(),
                                                                         cause.code.toHtmlEscaped());
    }
    m_causes->setText(list.isEmpty() ? QString() : u"<ul style='margin-left:-20px'>"_s + list + u"</ul>"_s);
    m_causes->setVisible(!list.isEmpty());

    const QString unknown = tr("(unknown)");
    QString table = u"<table cellspacing='2'>"_s;
    const auto row = [&table](const QString &name, const QString &value) {
        table += u"<tr><td><b>%1</b>&nbsp;</td><td><code>%2</code></td></tr>"_s.arg(name.toHtmlEscaped(), value);
    };
    row(tr("Expected auth"), valueOr(inspection.expectedAuth, unknown));
    row(tr("Provided auth"), valueOr(inspection.providedAuth, tr("(none)")));
    if (inspection.channelData || inspection.providedChannelData) {
        row(tr("Expected channel_data"), valueOr(inspection.channelData.value_or(QByteArray()), unknown));
        row(tr("Answered channel_data"), valueOr(inspection.providedChannelData.value_or(QByteArray()), tr("(none)")));
    }
    if (!inspection.signedWithProfile.isEmpty())
        row(tr("Signed with"), tr("the secret of profile \"%1\"").arg(inspection.signedWithProfile).toHtmlEscaped());
    m_values->setHtml(table + u"</table>"_s);

    // Without an answer to inspect there is no second string to compare.
    m_bytes->setVisible(inspected && !inspection.expectedStringToSign.isEmpty());
    m_bytes->setBytes(inspection.expectedStringToSign, inspection.reconstructedStringToSign,
                      tr("Expected string to sign"), tr("String the signature was made from"),
                      tr("No usual mistake explains the signature, so the string it was made from is unknown."));
}

QString VerdictView::verdictText() const
{
    return m_verdict->text();
}

} // namespace Apinator::Ui
