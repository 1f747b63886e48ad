// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

class QLabel;

namespace Apinator::Ui {

// Lets the user select and copy the label's text with the mouse, from the moment the
// pointer first enters it. A selectable QLabel carries a QTextDocument and lays its text
// out through it; set up front on the labels of the first window, that cost about 2.5 ms
// of a 42 ms start. Until the pointer comes there is nothing to select with anyway.
void makeSelectableByMouse(QLabel *label);

} // namespace Apinator::Ui
