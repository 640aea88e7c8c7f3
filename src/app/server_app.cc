#include "app/server_app.h"

#include "app/health_routes.h"
#include "audit/audit_routes.h"
#include "automation/automation_scheduler.h"
#include "billing/bill_routes.h"
#include "billing/customer_detail_routes.h"
#include "contacts/contact_routes.h"
#include "core/clock.h"
#include "customers/customer_routes.h"
#include "customers/do_not_contact_routes.h"
#include "insights_api/best_time_service.h"
#include "insights_api/contact_times_routes.h"
#include "insights_api/conversion_scores.h"
#include "insights_api/insight_models_routes.h"
#include "insights_api/insight_training.h"
#include "messaging/consent_routes.h"
#include "messaging/messaging_routes.h"
#include "messaging/outbox_review_routes.h"
#include "messaging/outreach_approval_routes.h"
#include "messaging/provider_http.h"
#include "messaging/reminder_scheduler.h"
#include "messaging/secret_store.h"
#include "messaging/sms_webhook_routes.h"
#include "messaging/webhook_key_repository.h"
#include "messaging/whatsapp_webhook_routes.h"
#include "pickups/pickup_routes.h"
#include "privacy/privacy_routes.h"
#include "refills/refill_routes.h"
#include "reports/report_routes.h"
#include "shops/shop_routes.h"
#include "signin/auth_routes.h"
#include "staff/staff_routes.h"
#include "storage/migrations.h"

#include <spdlog/spdlog.h>

#include <malloc.h>
#include <pthread.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace rx::app {
namespace {

// Blocks SIGINT/SIGTERM in every thread and waits for them on one, so that shutdown is an
// ordinary call on an ordinary thread rather than work inside a signal handler.
class ShutdownSignals {
 public:
  ShutdownSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  }
  int wait() {
    int signal = 0;
    sigwait(&set_, &signal);
    return signal;
  }

 private:
  sigset_t set_;
};

}  // namespace

int serve(const ServeConfig& config) {
  const auto started = std::chrono::steady_clock::now();
  // glibc gives each thread that allocates its own arena and keeps freed memory there, so a
  // large upload handled by each of 16 workers in turn would pin 16 copies of its peak. Two
  // arenas keep the server's memory bounded by what is in use, not by how many threads saw it.
  mallopt(M_ARENA_MAX, 2);
  // Buffers of a megabyte or more (an upload's body and its copies) are mapped on their own and
  // given back when freed. Left alone, glibc raises this threshold after the first large free,
  // and later uploads' buffers then stay in the arenas as fragments.
  constexpr int kOwnMappingBytes = 1 << 20;
  mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes);
  ShutdownSignals signals;
  messaging::set_allowed_provider_hosts(config.allowed_provider_hosts);
  if (!config.allowed_provider_hosts.empty()) {
    spdlog::warn("provider hosts allowed without the address check: {}",
                 config.allowed_provider_hosts.describe());
  }
  core::SystemClock clock;
  const core::SecretKey secret_key =
      messaging::load_secret_key(config.secret_key_file, config.db_url);
  auto db = storage::open_database(config.db_url, config.db_pool_size);
  storage::migrate(*db, clock.now_ms());
  messaging::start_messaging_storage(*db, secret_key, clock.now_ms());

  signin::AuthService auth_service(*db, clock, config.auth);
  staff::StaffService staff_service(*db, clock, config.auth.throttle);
  shops::ShopService shop_service(*db, clock, messaging::WebhookKeyRepository::insert_new_shop_keys,
                                  config.auth.throttle);
  contacts::ContactService contact_service(*db, clock,
                                           insights_api::ConversionScoreStore::refresh_contact);
  // Imports and previews allocate tens of megabytes for a moment: handed back to the system.
  contacts::ContactImportService import_service(*db, clock, [] { malloc_trim(0); });
  customers::CustomerService customer_service(*db, clock);
  customers::DoNotContactService do_not_contact_service(*db, clock);
  billing::BillService bill_service(*db, clock);
  billing::CustomerDetailService customer_detail_service(*db, clock);
  refills::RefillService refill_service(*db, clock);
  reports::ReportService report_service(*db, clock);
  insights_api::ContactTimesService contact_times_service(*db, clock);
  insights_api::BestTimeService best_time_service(*db, clock);
  contact_service.set_best_time_source(best_time_service);
  // Insight scores: trained after each upload (off the request's thread) and nightly.
  insights_api::InsightModelsService insight_models_service(*db);
  insights_api::InsightTraining insight_training(*db, clock);
  insights_api::TrainingQueue training_queue(insight_training);
  import_service.set_after_import(
      [&training_queue](core::ShopId shop) { training_queue.request(shop); });
  messaging::MessagingSettingsService messaging_settings(*db, clock);
  messaging::MessageService message_service(*db);
  messaging::OutboxReviewService outbox_review(*db, clock);
  messaging::TestMessageService test_messages(*db, clock);
  messaging::OutreachApprovalService outreach_approval(*db, clock);
  messaging::ConsentService consent_service(*db, clock);
  messaging::WhatsappWebhookService webhook_service(*db, clock);
  messaging::SmsWebhookService sms_webhook_service(*db, clock);
  audit::AuditService audit_service(*db);
  privacy::PrivacyService privacy_service(*db, clock);
  // The Keep ready list that "keep it ready" replies fill (issue 21, replies that act).
  pickups::PickupService pickup_service(*db, clock);

  http::HttpServer server(config.server, auth_service);
  const http::CookiePolicy cookies{server.tls()};
  register_health_routes(server.router(), *db);
  signin::register_auth_routes(server.router(), auth_service, cookies);
  staff::register_staff_routes(server.router(), staff_service);
  shops::register_shop_routes(server.router(), shop_service, auth_service, cookies);
  contacts::register_contact_routes(server.router(), contact_service, import_service);
  customers::register_customer_routes(server.router(), customer_service);
  customers::register_do_not_contact_routes(server.router(), do_not_contact_service);
  billing::register_bill_routes(server.router(), bill_service);
  billing::register_customer_detail_routes(server.router(), customer_detail_service);
  refills::register_refill_routes(server.router(), refill_service);
  reports::register_report_routes(server.router(), report_service);
  insights_api::register_contact_times_routes(server.router(), contact_times_service);
  insights_api::register_insight_models_routes(server.router(), insight_models_service);
  messaging::register_messaging_routes(server.router(), messaging_settings, message_service);
  messaging::register_outbox_review_routes(server.router(), outbox_review, test_messages);
  messaging::register_outreach_approval_routes(server.router(), outreach_approval);
  messaging::register_consent_routes(server.router(), consent_service);
  messaging::register_whatsapp_webhook_routes(server.router(), webhook_service);
  messaging::register_sms_webhook_routes(server.router(), sms_webhook_service);
  audit::register_audit_routes(server.router(), audit_service);
  privacy::register_privacy_routes(server.router(), privacy_service);
  pickups::register_pickup_routes(server.router(), pickup_service);
  server.serve_web_app();
  if (config.print_routes) {
    for (const std::string& r : server.router().routes()) std::printf("%s\n", r.c_str());
    return 0;
  }

  const int port = server.bind();
  const double startup_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const std::string scheme = server.tls() ? "https" : "http";
  std::printf("rxtrack listening on %s://%s:%d\n", scheme.c_str(), config.server.host.c_str(),
              port);
  if (shop_service.setup_needed()) {
    std::printf("Open %s://%s:%d/ in a browser: the first visit sets up the shop.\n",
                scheme.c_str(), config.server.host.c_str(), port);
  }
  std::fflush(stdout);
  spdlog::info("started in {:.1f} ms (database {})", startup_ms,
               db->dialect() == storage::Dialect::kSqlite ? "sqlite" : "postgresql");

  messaging::ReminderScheduler scheduler(*db, clock,
                                         std::chrono::seconds(config.scheduler_interval_seconds));
  scheduler.also_each_pass([&insight_training] { insight_training.each_pass(); });
  if (config.scheduler) scheduler.start();
  training_queue.start();
  // The daily automatic jobs (assignment) run on the scheduler's interval, each once a shop-day.
  automation::AutomationScheduler automation_scheduler(
      *db, clock, std::chrono::seconds(config.scheduler_interval_seconds));
  if (config.scheduler) automation_scheduler.start();

  std::thread waiter([&] {
    const int signal = signals.wait();
    spdlog::info("signal {} received; finishing requests in flight", signal);
    server.stop();
  });
  server.run();
  if (waiter.joinable()) {
    // run() also returns if the listener fails; wake the waiter so it can exit.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  scheduler.stop();
  training_queue.stop();
  automation_scheduler.stop();
  db->close();
  spdlog::info("stopped");
  return 0;
}

}  // namespace rx::app
