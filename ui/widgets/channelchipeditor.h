// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;

namespace Apinator::Ui {

// Channel names as chips: type a name and press Enter (or ',' / Space) to add it; each
// chip shows the channel's type (public, private, presence) and has a remove button;
// Backspace in the empty field removes the last chip. Invalid names are kept as chips
// marked in red so the user sees what is wrong; inputError() and errors() say why.
class ChannelChipEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelChipEditor)
public:
    explicit ChannelChipEditor(QWidget *parent = nullptr);

    QStringList channels() const { return m_channels; }
    void setChannels(const QStringList &channels);
    void addChannel(const QString &name);
    void removeChannel(int index);
    // The text typed but not yet turned into a chip.
    QString pendingText() const;
    QLineEdit *input() const { return m_input; }
    // The chip widget of one channel (for tests and accessibility tools).
    QWidget *chip(int index) const;

    // Empty when every chip is a valid name (and there is at least one); else the first problem.
    QString error() const;

Q_SIGNALS:
    void channelsChanged();
    // The text in the field changed.
    void pendingTextChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitInput();
    void rebuild();

    QStringList m_channels;
    QHBoxLayout *m_chips;
    QLineEdit *m_input;
    QList<QWidget *> m_chipWidgets;
};

} // namespace Apinator::Ui
