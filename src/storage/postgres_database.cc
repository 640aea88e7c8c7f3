#include "storage/postgres_database.h"

#include "core/error.h"
#include "storage/driver_error.h"
#include "storage/statement_cache.h"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rx::storage {
namespace {

// Type OIDs from pg_type.h (not shipped with libpq-dev).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

void ignore_notice(void*, const char*) {}

class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult(PgResult&& other) noexcept : r_(std::exchange(other.r_, nullptr)) {}
  PgResult& operator=(PgResult&&) = delete;
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

// The log's account of a failed statement (see loggable_postgres_error: no stored values).
std::string loggable_error(const PGresult* result) {
  const auto field = [result](int code) {
    const char* value = PQresultErrorField(result, code);
    return std::string_view(value ? value : "");
  };
  return loggable_postgres_error({field(PG_DIAG_SQLSTATE), field(PG_DIAG_MESSAGE_PRIMARY),
                                  field(PG_DIAG_CONSTRAINT_NAME), field(PG_DIAG_TABLE_NAME),
                                  field(PG_DIAG_COLUMN_NAME)});
}

class PostgresCopyIn final : public CopyIn {
 public:
  explicit PostgresCopyIn(PGconn* conn) : conn_(conn) {}
  ~PostgresCopyIn() override {
    if (!done_) PQputCopyEnd(conn_, "abandoned");  // the caller is unwinding; let the server stop
    if (!done_) PQclear(PQgetResult(conn_));
  }
  void write(std::string_view data) override {
    if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) fail();
  }
  void finish() override {
    done_ = true;
    if (PQputCopyEnd(conn_, nullptr) != 1) fail();
    PgResult result(PQgetResult(conn_));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
      spdlog::warn("postgresql COPY failed: {}", loggable_error(result.get()));
      const core::ErrorCode code = error_code_for_sqlstate(state ? state : "XX000");
      throw core::AppError(code, std::string(public_message_for(code)), {{"engine", "postgresql"}});
    }
  }

 private:
  [[noreturn]] void fail() {
    // No result here: the connection failed, and its message holds no row.
    spdlog::warn("postgresql COPY failed: {}", PQerrorMessage(conn_));
    throw core::AppError(core::ErrorCode::kUnavailable, "the database is unavailable; try again");
  }
  PGconn* conn_;
  bool done_ = false;
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      spdlog::warn("postgresql connection failed: {}", message);
      throw core::AppError(core::ErrorCode::kUnavailable, "the database is unavailable; try again",
                           {{"engine", "postgresql"}});
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    execute_script(
        "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_min_messages = warning;");
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool healthy() const override { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

  void execute_script(std::string_view sql) override {
    std::string copy(sql);
    PgResult result(PQexec(conn_, copy.c_str()));
    check(result.get(), sql);
  }

  std::unique_ptr<CopyIn> copy_in(std::string_view copy_sql) override {
    std::string sql(copy_sql);
    PgResult result(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COPY_IN) check(result.get(), copy_sql);
    return std::make_unique<PostgresCopyIn>(conn_);
  }

  ResultSet query(std::string_view sql, const Params& params) override {
    PgResult result = execute(sql, params);
    return convert(result.get());
  }

  void for_each_row(std::string_view sql, const Params& params,
                    const std::function<void(const RowView&)>& each) override {
    PgResult result = execute(sql, params);
    ResultRow row(result.get());
    const int rows = PQntuples(result.get());
    for (int i = 0; i < rows; ++i) {
      row.move_to(i);
      each(row);
    }
  }

 private:
  // A row of a libpq result, read in place. Integers are parsed from PostgreSQL's text, a
  // boolean is 1 or 0, and a text column read as an integer is parsed as Value::as_int does.
  class ResultRow final : public RowView {
   public:
    explicit ResultRow(PGresult* result)
        : result_(result), types_(static_cast<std::size_t>(PQnfields(result))) {
      for (std::size_t col = 0; col < types_.size(); ++col) {
        types_[col] = PQftype(result, static_cast<int>(col));
      }
    }
    void move_to(int row) { row_ = row; }
    std::size_t size() const override { return types_.size(); }
    bool is_null(std::size_t i) const override {
      return PQgetisnull(result_, row_, column(i)) != 0;
    }
    std::int64_t int_at(std::size_t i) const override {
      const int col = column(i);
      if (PQgetisnull(result_, row_, col)) return 0;
      const char* text = PQgetvalue(result_, row_, col);
      switch (types_[i]) {
        case kBoolOid:
          return text[0] == 't' ? 1 : 0;
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
          return parse_integer(text, PQgetlength(result_, row_, col));
        default:
          return Value(std::string(text_at(i))).as_int();
      }
    }
    std::string_view text_at(std::size_t i) const override {
      const int col = column(i);
      return {PQgetvalue(result_, row_, col),
              static_cast<std::size_t>(PQgetlength(result_, row_, col))};
    }
    // The cell as a Value of its column's type (for ResultSet).
    Value value_at(std::size_t i) const {
      if (is_null(i)) return Value();
      switch (types_[i]) {
        case kBoolOid:
          return Value(int_at(i) != 0);
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
          return Value(static_cast<long long>(int_at(i)));
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid:
          return Value(std::stod(std::string(text_at(i))));
        default:
          return Value(std::string(text_at(i)));
      }
    }

   private:
    int column(std::size_t i) const {
      if (i >= types_.size()) {
        throw std::out_of_range("no column " + std::to_string(i) + " in the row");
      }
      return static_cast<int>(i);
    }
    PGresult* result_;
    std::vector<Oid> types_;
    int row_ = 0;
  };

  PgResult execute(std::string_view sql, const Params& params) {
    const std::string name = prepare(sql, static_cast<int>(params.size()));
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].is_null()) continue;
      texts[i] = params[i].as_text();
      values[i] = texts[i].c_str();
    }
    PgResult result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0));
    check(result.get(), sql);
    return result;
  }

  std::string prepare(std::string_view sql, int param_count) {
    if (const std::string* cached = statements_.find(sql)) return *cached;
    std::string name = "s" + std::to_string(++statements_prepared_);
    std::string rewritten = to_postgres_placeholders(sql);
    PgResult result(PQprepare(conn_, name.c_str(), rewritten.c_str(), param_count, nullptr));
    check(result.get(), sql);
    const auto evicted =
        statements_.add(std::string(sql), name, [](const std::string&) { return true; });
    // Were it to fail, the server would only keep a statement rxtrack no longer uses.
    if (evicted) PgResult(PQexec(conn_, ("DEALLOCATE " + *evicted).c_str()));
    return name;
  }

  void check(PGresult* result, std::string_view sql) {
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : (healthy() ? "XX000" : "08006");
    core::ErrorCode code = error_code_for_sqlstate(sqlstate);
    // The statement's text holds no values: they are always bound as parameters.
    // Without a SQLSTATE the error is libpq's own (a lost connection), whose message holds no
    // row.
    const std::string logged =
        state ? loggable_error(result) : "sqlstate " + sqlstate + ", " + PQerrorMessage(conn_);
    spdlog::warn("postgresql error ({}) in: {}", logged, sql.substr(0, 200));
    throw core::AppError(code, std::string(public_message_for(code)),
                         {{"engine", "postgresql"}, {"sqlstate", sqlstate}});
  }

  // PostgreSQL's text for an integer column; from_chars rather than stoll, which goes through
  // strtol and errno (a tenth of a contact list's instructions on PostgreSQL).
  static long long parse_integer(const char* text, int length) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text, text + length, value);
    if (error != std::errc() || end != text + length) {
      // Without the text: it is a stored value.
      throw std::runtime_error("PostgreSQL sent an integer rxtrack cannot read (" +
                               std::to_string(length) + " characters)");
    }
    return value;
  }

  // The whole result as Values, each cell read as ResultRow reads it.
  static ResultSet convert(PGresult* r) {
    ResultSet out;
    ResultRow row(r);
    const int rows = PQntuples(r);
    out.rows.reserve(rows);
    for (int i = 0; i < rows; ++i) {
      row.move_to(i);
      std::vector<Value> cells;
      cells.reserve(row.size());
      for (std::size_t col = 0; col < row.size(); ++col) cells.push_back(row.value_at(col));
      out.rows.emplace_back(std::move(cells));
    }
    const char* affected = PQcmdTuples(r);
    out.affected = (affected && *affected) ? std::stoll(affected) : 0;
    return out;
  }

  PGconn* conn_ = nullptr;
  StatementCache<std::string> statements_;  // SQL text -> prepared statement's name
  std::int64_t statements_prepared_ = 0;
};

}  // namespace

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      std::size_t end = sql.find(c, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

PostgresDatabase::PostgresDatabase(std::string url, int pool_size)
    : Database(pool_size), url_(std::move(url)) {}

PostgresDatabase::~PostgresDatabase() { close(); }

std::unique_ptr<Connection> PostgresDatabase::open_connection() {
  return std::make_unique<PostgresConnection>(url_);
}

std::string_view PostgresDatabase::begin_statement(TxMode mode) const {
  return mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY";
}

}  // namespace rx::storage
