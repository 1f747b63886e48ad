// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/credentials.h>
#include <apinator/restclient.h>

#include <QWidget>

#include <optional>

class QPlainTextEdit;

namespace Apinator::Ui {

// What the preview shows, computed off the GUI thread (the body of a 5 MB event takes a
// while to quote and hash).
struct PreviewInput
{
    TriggerRequest request;
    std::optional<Credentials> credentials; // nullopt: secrets not read yet
    QString profileName;
    qint64 timestamp = 0;
};

struct PreviewOutput
{
    QString text;        // the whole preview, secret-free
    qint64 bodyBytes = -1;
    QByteArray stringToSign;
    QByteArray signature;
};

PreviewOutput buildPreview(const PreviewInput &input);

// The request exactly as it will go: method, URL, headers, body (long bodies cut for
// display), the string to sign with its line breaks shown as \n, body MD5, signature.
class RequestPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestPreview)
public:
    explicit RequestPreview(QWidget *parent = nullptr);

    void setOutput(const PreviewOutput &output);
    QString text() const;

private:
    QPlainTextEdit *m_text;
};

} // namespace Apinator::Ui
