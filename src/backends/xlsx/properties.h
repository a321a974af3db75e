// The document properties every workbook of ours carries: title, author and a creation date from
// the inputs (never the clock), so the bytes are reproducible. Internal to backends/xlsx.
#pragma once

#include <ctime>
#include <string>

#include <xlsxwriter.h>

#include "core/date.h"

namespace dv::xlsx::detail {

inline void setProperties(lxw_workbook* wb, std::string title, std::string author, const Date& created) {
    lxw_doc_properties props = {};
    props.title = title.data();
    props.author = author.data();
    props.created = static_cast<time_t>(created.dayNumber() * 86400L);
    workbook_set_properties(wb, &props);
}

}  // namespace dv::xlsx::detail
