// Render: one ledger invoice or credit note → its PDF (templates/<nn|nb>/faktura.md, in the
// buyer's målform) and its EHF (UBL 2.1, the PDF inside). Everything printed comes from the
// ledger row and the inputs, so a rerun gives the same bytes.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "backends/ehf/ehf.h"
#include "backends/pdf/pdf.h"
#include "ledger/ledger.h"
#include "model/model.h"
#include "invoicing/wording.h"
#include "report/view_value.h"

namespace dv::invoicing {

// The document engine as the stage sees it: template name, målform, view → PDF bytes.
using RenderPdf = std::function<std::string(Language, const std::string& name, const view::Value&, const pdf::DocumentInfo&)>;

struct RenderContext {
    const Inputs& in;
    int year;
    const Agreement* agreement;
    const Wording& words;
    std::map<std::string, const ledger::Invoice*> byNumber;  // the year's documents, to name what a credit note credits
};

struct Rendered {
    std::string stem;  // "faktura-202600001-4634-masfjorden"
    std::string pdf, xml;
    std::string sbd;  // the EHF in its Peppol envelope (SBDH) for the access point
};

// Throws InputError (from the document engine) on template errors.
Rendered renderInvoice(const RenderContext& c, const ledger::Invoice& inv, const RenderPdf& renderPdf);

// The texts one document shares between its PDF and its EHF, in its målform.
struct InvoiceTexts {
    std::string reference, terms, vatReason, testNote;
};
InvoiceTexts invoiceTexts(const RenderContext& c, Language lang);

}  // namespace dv::invoicing
