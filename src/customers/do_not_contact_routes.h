#pragma once

#include "customers/do_not_contact_service.h"
#include "http/router.h"

namespace rx::customers {

// DELETE /api/customer-tracking/contacts/{id}/do-not-contact and
// DELETE /api/customer-tracking/customers/{id}/do-not-contact: an owner allows calls and
// messages again (DoNotContactService). Both answer
// {"do_not_contact": false, "contact_id", "customer_id"}.
void register_do_not_contact_routes(http::Router& router, DoNotContactService& service);

}  // namespace rx::customers
