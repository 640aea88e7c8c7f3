#pragma once

#include "contacts/contact_import_service.h"
#include "contacts/contact_service.h"
#include "http/router.h"

namespace rx::contacts {

// Everything under /api/customer-tracking/ that concerns contact sheets: uploads, contacts,
// assignment, interactions, follow-ups and the yellow mark. A request's failures are the
// service's (contact_service.h, contact_import_service.h) plus kValidation (422) for a body or
// query field that does not parse; the router turns each into its error answer. The API says
// "reminders" in its paths and keys for a contact's follow-ups: kept, for its clients.
void register_contact_routes(http::Router& router, ContactService& contacts,
                             ContactImportService& importer);

}  // namespace rx::contacts
