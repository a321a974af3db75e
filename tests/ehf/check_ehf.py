#!/usr/bin/python3
"""EHF Billing 3.0 / Peppol BIS Billing 3.0 checks we can run without the official schematron
(which is not packaged in Debian): UBL 2.1 element order for every element we write, the EN 16931
and Peppol rules that apply to a no-VAT invoice from a Norwegian municipality, sums, code lists,
check digits (which the official rules do not check), and the embedded PDF.
usage: check_ehf.py FILE.xml [...]   (a sibling PDF named in the attachment is compared if present)"""
import base64, hashlib, os, re, sys
import xml.etree.ElementTree as ET
from decimal import Decimal

CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'
NS = {'cbc': CBC, 'cac': CAC}

# UBL 2.1 sequences (maindoc and common aggregates), the elements relevant here, in schema order.
ORDER = {
    'Invoice': 'UBLExtensions UBLVersionID CustomizationID ProfileID ProfileExecutionID ID CopyIndicator UUID IssueDate '
               'IssueTime DueDate InvoiceTypeCode Note TaxPointDate DocumentCurrencyCode TaxCurrencyCode PricingCurrencyCode '
               'PaymentCurrencyCode PaymentAlternativeCurrencyCode AccountingCostCode AccountingCost LineCountNumeric '
               'BuyerReference InvoicePeriod OrderReference BillingReference DespatchDocumentReference ReceiptDocumentReference '
               'StatementDocumentReference OriginatorDocumentReference ContractDocumentReference AdditionalDocumentReference '
               'ProjectReference Signature AccountingSupplierParty AccountingCustomerParty PayeeParty BuyerCustomerParty '
               'SellerSupplierParty TaxRepresentativeParty Delivery DeliveryTerms PaymentMeans PaymentTerms PrepaidPayment '
               'AllowanceCharge TaxExchangeRate PricingExchangeRate PaymentExchangeRate PaymentAlternativeExchangeRate '
               'TaxTotal WithholdingTaxTotal LegalMonetaryTotal InvoiceLine',
    'CreditNote': 'UBLExtensions UBLVersionID CustomizationID ProfileID ProfileExecutionID ID CopyIndicator UUID IssueDate '
                  'IssueTime TaxPointDate CreditNoteTypeCode Note DocumentCurrencyCode TaxCurrencyCode PricingCurrencyCode '
                  'PaymentCurrencyCode PaymentAlternativeCurrencyCode AccountingCostCode AccountingCost LineCountNumeric '
                  'BuyerReference InvoicePeriod DiscrepancyResponse OrderReference BillingReference DespatchDocumentReference '
                  'ReceiptDocumentReference ContractDocumentReference AdditionalDocumentReference StatementDocumentReference '
                  'OriginatorDocumentReference Signature AccountingSupplierParty AccountingCustomerParty PayeeParty '
                  'BuyerCustomerParty SellerSupplierParty TaxRepresentativeParty Delivery DeliveryTerms PaymentMeans '
                  'PaymentTerms TaxExchangeRate PricingExchangeRate PaymentExchangeRate PaymentAlternativeExchangeRate '
                  'AllowanceCharge TaxTotal LegalMonetaryTotal CreditNoteLine',
    'Party': 'MarkCareIndicator MarkAttentionIndicator WebsiteURI LogoReferenceID EndpointID IndustryClassificationCode '
             'PartyIdentification PartyName Language PostalAddress PhysicalLocation PartyTaxScheme PartyLegalEntity Contact '
             'Person AgentParty ServiceProviderParty PowerOfAttorney FinancialAccount',
    'PostalAddress': 'ID AddressTypeCode AddressFormatCode Postbox Floor Room StreetName AdditionalStreetName BlockName '
                     'BuildingName BuildingNumber InhouseMail Department MarkAttention MarkCare PlotIdentification '
                     'CitySubdivisionName CityName PostalZone CountrySubentity CountrySubentityCode Region District '
                     'TimezoneOffset AddressLine Country LocationCoordinate',
    'PartyLegalEntity': 'RegistrationName CompanyID RegistrationDate RegistrationExpirationDate CompanyLegalFormCode '
                        'CompanyLegalForm SoleProprietorshipIndicator CompanyLiquidationStatusCode CorporateStockAmount '
                        'FullyPaidSharesIndicator RegistrationAddress CorporateRegistrationScheme HeadOfficeParty ShareholderParty',
    'Contact': 'ID Name Telephone Telefax ElectronicMail Note OtherCommunication',
    'PaymentMeans': 'ID PaymentMeansCode PaymentDueDate PaymentChannelCode InstructionID InstructionNote PaymentID '
                    'CardAccount PayerFinancialAccount PayeeFinancialAccount CreditAccount PaymentMandate TradeFinancing',
    'TaxTotal': 'TaxAmount RoundingAmount TaxEvidenceIndicator TaxIncludedIndicator TaxSubtotal',
    'TaxSubtotal': 'TaxableAmount TaxAmount CalculationSequenceNumeric TransactionCurrencyTaxAmount Percent BaseUnitMeasure '
                   'PerUnitAmount TierRange TierRatePercent TaxCategory',
    'TaxCategory': 'ID Name Percent BaseUnitMeasure PerUnitAmount TaxExemptionReasonCode TaxExemptionReason TierRange '
                   'TierRatePercent TaxScheme',
    'ClassifiedTaxCategory': 'ID Name Percent BaseUnitMeasure PerUnitAmount TaxExemptionReasonCode TaxExemptionReason '
                             'TierRange TierRatePercent TaxScheme',
    'LegalMonetaryTotal': 'LineExtensionAmount TaxExclusiveAmount TaxInclusiveAmount AllowanceTotalAmount '
                          'ChargeTotalAmount PrepaidAmount PayableRoundingAmount PayableAmount PayableAlternativeAmount',
    'InvoiceLine': 'ID UUID Note InvoicedQuantity LineExtensionAmount TaxPointDate AccountingCostCode AccountingCost '
                   'PaymentPurposeCode FreeOfChargeIndicator InvoicePeriod OrderLineReference DespatchLineReference '
                   'ReceiptLineReference BillingReference DocumentReference PricingReference OriginatorParty Delivery '
                   'PaymentTerms AllowanceCharge TaxTotal WithholdingTaxTotal Item Price DeliveryTerms SubInvoiceLine '
                   'ItemPriceExtension',
    'CreditNoteLine': 'ID UUID Note CreditedQuantity LineExtensionAmount TaxPointDate AccountingCostCode AccountingCost '
                      'PaymentPurposeCode FreeOfChargeIndicator InvoicePeriod OrderLineReference DiscrepancyResponse '
                      'DespatchLineReference ReceiptLineReference BillingReference DocumentReference PricingReference '
                      'OriginatorParty Delivery PaymentTerms TaxTotal AllowanceCharge Item Price DeliveryTerms SubCreditNoteLine '
                      'ItemPriceExtension',
    'Item': 'Description PackQuantity PackSizeNumeric CatalogueIndicator Name HazardousRiskIndicator AdditionalInformation '
            'Keyword BrandName ModelName BuyersItemIdentification SellersItemIdentification ManufacturersItemIdentification '
            'StandardItemIdentification CatalogueItemIdentification AdditionalItemIdentification CatalogueDocumentReference '
            'ItemSpecificationDocumentReference OriginCountry CommodityClassification TransactionConditions '
            'HazardousItem ClassifiedTaxCategory AdditionalItemProperty ManufacturerParty InformationContentProviderParty '
            'OriginAddress ItemInstance Certificate Dimension',
    'AdditionalDocumentReference': 'ID CopyIndicator UUID IssueDate IssueTime DocumentTypeCode DocumentType XPath '
                                   'LanguageID LocaleCode VersionID DocumentStatusCode DocumentDescription Attachment '
                                   'ValidityPeriod IssuerParty ResultOfVerification',
    'InvoicePeriod': 'StartDate StartTime EndDate EndTime DurationMeasure DescriptionCode Description',
}

def local(tag): return tag.split('}', 1)[1] if '}' in tag else tag

def mod11_orgnr(s):
    if not re.fullmatch(r'\d{9}', s): return False
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    r = 11 - sum(int(a) * b for a, b in zip(s, w)) % 11
    return (0 if r == 11 else r) == int(s[8]) and r != 10

def mod11_account(s):
    if not re.fullmatch(r'\d{11}', s): return False
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = 11 - sum(int(a) * b for a, b in zip(s, w)) % 11
    return r != 10 and (0 if r == 11 else r) == int(s[10])

def luhn_ok(s):
    if not s.isdigit(): return False
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        total += d
    return total % 10 == 0

def mod11_kid_ok(s):
    body, check = s[:-1], s[-1]
    total = sum(int(ch) * (2 + i % 6) for i, ch in enumerate(reversed(body)))
    r = total % 11
    want = '0' if r == 0 else '-' if r == 1 else str(11 - r)
    return check == want

def check(path):
    errs = []
    def err(rule, msg): errs.append(f'{os.path.basename(path)}: [{rule}] {msg}')
    tree = ET.parse(path)
    root = tree.getroot()
    kind = local(root.tag)
    if kind not in ('Invoice', 'CreditNote'):
        return [f'{path}: root is {kind}']
    # element order, recursively, for the parents we know
    def order(el, name):
        seq = ORDER.get(name)
        if seq is None: return
        idx = {n: i for i, n in enumerate(seq.split())}
        last = -1
        for ch in el:
            n = local(ch.tag)
            if n not in idx:
                err('UBL-XSD', f'<{n}> is not allowed in <{name}> (or not known to this check)')
                continue
            if idx[n] < last: err('UBL-XSD', f'<{n}> out of schema order in <{name}>')
            last = max(last, idx[n])
            sub = 'Party' if n == 'Party' else n
            if n in ('AccountingSupplierParty', 'AccountingCustomerParty'):
                for p in ch: order(p, 'Party')
            elif n in ('TaxTotal', 'TaxSubtotal', 'TaxCategory', 'ClassifiedTaxCategory', 'PostalAddress', 'PartyLegalEntity',
                       'Contact', 'PaymentMeans', 'LegalMonetaryTotal', 'InvoiceLine', 'CreditNoteLine', 'Item',
                       'AdditionalDocumentReference', 'InvoicePeriod'):
                order(ch, sub)
    order(root, kind)
    # no empty elements (PEPPOL-EN16931-R008)
    for el in root.iter():
        if len(el) == 0 and (el.text is None or el.text.strip() == ''):
            err('PEPPOL-EN16931-R008', f'empty element <{local(el.tag)}>')
    t = lambda xp: root.findtext(xp, namespaces=NS)
    if t('cbc:CustomizationID') != 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0':
        err('PEPPOL-EN16931-R004', 'CustomizationID')
    if t('cbc:ProfileID') != 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0': err('PEPPOL-EN16931-R001', 'ProfileID')
    if not t('cbc:ID'): err('BR-02', 'no invoice number')
    if not re.fullmatch(r'\d{4}-\d\d-\d\d', t('cbc:IssueDate') or ''): err('BR-03', 'IssueDate')
    if kind == 'Invoice':
        if t('cbc:InvoiceTypeCode') != '380': err('BR-04', 'InvoiceTypeCode must be 380 here')
        due = t('cbc:DueDate')
        if not due: err('NO (bokføringsforskriften)', 'no DueDate')
        elif due < t('cbc:IssueDate'): err('PEPPOL-EN16931-R?', 'DueDate before IssueDate')
    else:
        if t('cbc:CreditNoteTypeCode') != '381': err('BR-04', 'CreditNoteTypeCode must be 381')
        if not root.find('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID', NS) is not None:
            err('BR-55', 'credit note without the invoice it credits')
    if t('cbc:DocumentCurrencyCode') != 'NOK': err('BR-05', 'currency')
    if not t('cbc:BuyerReference'): err('PEPPOL-EN16931-R003', 'no BuyerReference')
    for el in root.iter():
        if 'currencyID' in el.attrib and el.attrib['currencyID'] != 'NOK': err('PEPPOL-EN16931-R051', 'currencyID')
        if local(el.tag).endswith('Amount') and local(el.tag) != 'PriceAmount' and el.text and not re.fullmatch(r'-?\d+(\.\d{1,2})?', el.text):
            err('UBL-DT-01', f'{local(el.tag)} {el.text} has more than two decimals')
    # parties
    for role in ('AccountingSupplierParty', 'AccountingCustomerParty'):
        p = root.find(f'cac:{role}/cac:Party', NS)
        if p is None: err('BR-06/07', f'no {role}'); continue
        ep = p.find('cbc:EndpointID', NS)
        if ep is None or ep.attrib.get('schemeID') != '0192' or not mod11_orgnr(ep.text or ''):
            err('PEPPOL-COMMON-R044', f'{role} EndpointID must be a valid org number with scheme 0192')
        for cid in p.findall('cac:PartyLegalEntity/cbc:CompanyID', NS):
            if cid.attrib.get('schemeID') != '0192' or not mod11_orgnr(cid.text or ''): err('BR-CO-26', f'{role} CompanyID')
        if p.find('cac:PartyTaxScheme', NS) is not None: err('BR-O-02/03', f'{role} has a VAT identifier (forbidden with category O)')
        if not p.findtext('cac:PartyLegalEntity/cbc:RegistrationName', namespaces=NS): err('BR-06/07', f'{role} name')
        if not p.findtext('cac:PostalAddress/cac:Country/cbc:IdentificationCode', namespaces=NS): err('BR-09/11', f'{role} country')
    # VAT: category O only, no percent, zero tax, an exemption reason
    subs = root.findall('cac:TaxTotal/cac:TaxSubtotal', NS)
    if len(root.findall('cac:TaxTotal', NS)) != 1 or len(subs) != 1: err('BR-O-11', 'exactly one VAT breakdown')
    for s in subs:
        cat = s.findtext('cac:TaxCategory/cbc:ID', namespaces=NS)
        if cat not in ('O', 'E'): err('BR-CL-17', f'VAT category {cat}')
        if cat == 'O' and s.find('cac:TaxCategory/cbc:Percent', NS) is not None: err('BR-O-05..07', 'Percent with category O')
        if Decimal(s.findtext('cbc:TaxAmount', namespaces=NS)) != 0: err('BR-O-09', 'tax amount not 0')
        if not (s.findtext('cac:TaxCategory/cbc:TaxExemptionReasonCode', namespaces=NS) or s.findtext('cac:TaxCategory/cbc:TaxExemptionReason', namespaces=NS)):
            err('BR-O-10', 'no exemption reason')
    if any(el.find('cbc:Percent', NS) is not None for el in root.iter(f'{{{CAC}}}ClassifiedTaxCategory')): err('BR-O-05', 'line Percent')
    # sums
    lines = root.findall(f'cac:{kind}Line', NS)
    if not lines: err('BR-16', 'no lines')
    total = Decimal(0)
    qtyEl = 'cbc:InvoicedQuantity' if kind == 'Invoice' else 'cbc:CreditedQuantity'
    for ln in lines:
        q = Decimal(ln.findtext(qtyEl, namespaces=NS))
        price = Decimal(ln.findtext('cac:Price/cbc:PriceAmount', namespaces=NS))
        amt = Decimal(ln.findtext('cbc:LineExtensionAmount', namespaces=NS))
        if price < 0: err('BR-27', 'negative price')
        if (q * price).quantize(Decimal('0.01')) != amt: err('PEPPOL-EN16931-R120', f'line {ln.findtext("cbc:ID", namespaces=NS)}: {q} × {price} ≠ {amt}')
        if ln.find(f'{qtyEl}', NS).attrib.get('unitCode') not in ('C62', 'HUR', 'EA'): err('BR-CL-23', 'unit code')
        if not ln.findtext('cac:Item/cbc:Name', namespaces=NS): err('BR-25', 'item name')
        total += amt
    lmt = lambda n: Decimal(root.findtext(f'cac:LegalMonetaryTotal/cbc:{n}', namespaces=NS))
    if lmt('LineExtensionAmount') != total: err('BR-CO-10', f'LineExtensionAmount {lmt("LineExtensionAmount")} ≠ Σ lines {total}')
    if lmt('TaxExclusiveAmount') != lmt('LineExtensionAmount'): err('BR-CO-13', 'TaxExclusiveAmount')
    if lmt('TaxInclusiveAmount') != lmt('TaxExclusiveAmount'): err('BR-CO-15', 'TaxInclusiveAmount ≠ exclusive + 0')
    if lmt('PayableAmount') != lmt('TaxInclusiveAmount'): err('BR-CO-16', 'PayableAmount')
    if Decimal(subs[0].findtext('cbc:TaxableAmount', namespaces=NS)) != total if subs else False: err('BR-CO-?', 'TaxableAmount')
    # payment: credit transfer to a valid account with a valid KID
    # (BG-16 is optional; ours asks for payment only on a real invoice: never on a credit note or a
    # test invoice, whose Note says so)
    pm = root.find('cac:PaymentMeans', NS)
    note = root.findtext('cbc:Note', namespaces=NS) or ''
    is_test = note.startswith('PRØVEFAKTURA')
    is_credit = root.tag.endswith('CreditNote')
    if (is_test or is_credit) and pm is not None: err('DV', 'a credit note or test invoice must not ask for payment')
    if not (is_test or is_credit) and pm is None: err('DV', 'a real invoice asks for payment (PaymentMeans)')
    if pm is not None and pm.findtext('cbc:PaymentMeansCode', namespaces=NS) != '30': err('BR-49', 'PaymentMeansCode 30')
    elif pm is not None:
        acct = pm.findtext('cac:PayeeFinancialAccount/cbc:ID', namespaces=NS) or ''
        if not mod11_account(acct): err('NO account', f'account {acct} fails MOD11')
        kid = pm.findtext('cbc:PaymentID', namespaces=NS) or ''
        if not (luhn_ok(kid) or mod11_kid_ok(kid)): err('NO KID', f'KID {kid} fails MOD10 and MOD11')
    # the PDF
    att = root.find('cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject', NS)
    if att is None: err('EHF', 'no embedded PDF')
    else:
        if att.attrib.get('mimeCode') != 'application/pdf': err('UBL-DT-06', 'mimeCode')
        fn = att.attrib.get('filename')
        if not fn: err('UBL-DT-07', 'filename')
        data = base64.b64decode(att.text, validate=True)
        if not data.startswith(b'%PDF-'): err('EHF', 'attachment is not a PDF')
        sib = os.path.join(os.path.dirname(os.path.dirname(path)), fn or '')
        if fn and os.path.exists(sib) and open(sib, 'rb').read() != data: err('EHF', f'embedded PDF differs from {fn}')
    return errs

allerrs = []
for f in sys.argv[1:]:
    allerrs += check(f)
for e in allerrs: print('ERROR', e)
print(f'{len(sys.argv) - 1} EHF file(s), {len(allerrs)} error(s)')
sys.exit(1 if allerrs else 0)
