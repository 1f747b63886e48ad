// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/requestpreview.h"

#include "widgets/jsoneditor.h"

#include <apinator/requestsigner.h>

#include <QCoreApplication>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// Past this, the body is cut in the preview: a text view of megabytes helps nobody.
constexpr qsizetype MaxPreviewBody = 16 * 1024;

// buildPreview() is a free function: its texts take the widget's context from this struct,
// which lupdate reads too (a plain tr() helper filed them under "Apinator::Ui").
struct Preview
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Ui::RequestPreview)
};

} // namespace

PreviewOutput buildPreview(const PreviewInput &input)
{
    PreviewOutput out;
    const QByteArray body = input.request.body();
    out.bodyBytes = body.size();
    const QString requestError = input.request.error();
    QString credentialsError;
    if (!input.credentials)
        credentialsError = Preview::tr("the profile's secret has not been read yet");
    else
        credentialsError = input.credentials->restError();

    QString t;
    const QByteArray path = input.credentials
        ? "/apps/"_ba + QUrl::toPercentEncoding(input.credentials->appId) + "/events"_ba
        : "/apps/{app_id}/events"_ba;
    const QString base = input.credentials ? input.credentials->restBaseUrl() : Preview::tr("{base URL}");
    t += u"POST "_s + base + QString::fromLatin1(path) + u'\n';
    t += u"Content-Type: application/json\n"_s;
    if (credentialsError.isEmpty()) {
        const RequestSigner signer(input.credentials->key.toUtf8(), input.credentials->secret);
        const RequestSignature sig = signer.sign("POST", path, body, input.timestamp);
        for (const auto &[name, value] : sig.headers(signer.key()))
            t += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
        out.stringToSign = sig.stringToSign;
        out.signature = sig.signature;
    } else {
        t += u"X-Realtime-Key: …\nX-Realtime-Timestamp: …\nX-Realtime-Signature: …\n"_s;
    }
    t += u"Content-Length: "_s + QString::number(body.size()) + u"\n\n"_s;
    if (body.size() > MaxPreviewBody) {
        t += QString::fromUtf8(body.left(MaxPreviewBody));
        t += u"\n… "_s + Preview::tr("(%1 more not shown)").arg(formatBytes(body.size() - MaxPreviewBody));
    } else {
        t += QString::fromUtf8(body);
    }
    t += u"\n\n"_s;
    t += u"── "_s + Preview::tr("Signing") + u" ──\n"_s;
    if (!requestError.isEmpty())
        t += Preview::tr("Not sendable yet: %1").arg(requestError) + u'\n';
    if (!credentialsError.isEmpty()) {
        t += Preview::tr("Cannot sign: %1").arg(credentialsError) + u'\n';
    } else {
        QString visible = QString::fromUtf8(out.stringToSign);
        visible.replace(u'\n', u"\\n"_s);
        t += Preview::tr("String to sign:  ") + visible + u'\n';
        t += Preview::tr("Body MD5:        ") + QString::fromLatin1(RequestSigner::bodyMd5(body)) + u'\n';
        t += Preview::tr("Signature:       ") + QString::fromLatin1(out.signature) + u'\n';
        t += Preview::tr("(HMAC-SHA256 of the string to sign with the secret of profile \"%1\", which is not shown)")
                 .arg(input.profileName)
            + u'\n';
        t += Preview::tr("The timestamp is taken again when you press Send.") + u'\n';
    }
    out.text = t;
    return out;
}

RequestPreview::RequestPreview(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
{
    m_text->setObjectName(u"previewText"_s);
    m_text->setAccessibleName(tr("Request preview"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

void RequestPreview::setOutput(const PreviewOutput &output)
{
    // Keep the reader's place while the preview refreshes under them.
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setPlainText(output.text);
    m_text->verticalScrollBar()->setValue(scroll);
}

QString RequestPreview::text() const
{
    return m_text->toPlainText();
}

} // namespace Apinator::Ui
