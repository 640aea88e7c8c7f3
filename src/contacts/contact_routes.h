#pragma once

#include "contacts/contact_import_service.h"
#include "contacts/contact_service.h"
#include "http/router.h"

namespace rx::contacts {

// Everything under /api/customer-tracking/ that concerns contact sheets: uploads, contacts,
// assignment, interactions, follow-ups and the yellow mark.
void register_contact_routes(http::Router& router, ContactService& contacts,
                             ContactImportService& importer);

}  // namespace rx::contacts
