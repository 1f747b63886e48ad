// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/restclient.h>

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Apinator::Ui {

class TimingWaterfall;

// The likely causes of a 401 on a signed request, most likely first: a clock skew the
// server's Date shows, a secret that is not this key's, a body changed after signing.
QStringList unauthorizedCauses(const RestResult &result, const QString &profileName);

// The answer to a send: status with its meaning, timing waterfall, headers, the body
// pretty-printed, and for a problem document its title and detail and likely causes.
class ResponseView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseView)
public:
    explicit ResponseView(QWidget *parent = nullptr);

    void showResult(const RestResult &result, const QString &profileName);
    void showSending(const QString &what);
    void clear();

    QString statusText() const;
    QString problemText() const;
    QStringList causes() const { return m_causes; }
    TimingWaterfall *waterfall() const { return m_waterfall; }

private:
    QLabel *m_status;
    QLabel *m_problem;
    QLabel *m_causesLabel;
    TimingWaterfall *m_waterfall;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QStringList m_causes;
};

} // namespace Apinator::Ui
