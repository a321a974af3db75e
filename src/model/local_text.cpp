#include "model/local_text.h"

#include "model/model.h"

namespace dv {

const std::string& LocalText::in(Language lang) const { return lang == Language::Bokmal ? nb : nn; }

}  // namespace dv
