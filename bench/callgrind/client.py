#!/usr/bin/env python3
"""The requests bench/callgrind/run.sh counts, sent one at a time on one kept-alive connection.

  client.py PORT sign-in EMAIL PASSWORD       prints a bearer token
  client.py PORT list TOKEN N                 N contact lists (bench/load/contact_list.lua)
  client.py PORT sheet-phones TOKEN N FILE    writes N pending contacts' phones to FILE
  client.py PORT bills TOKEN FIRST N FILE     bills FIRST+1 .. FIRST+N (bench/load/bill_create.lua)

Every request must answer as expected (200, or 201 for a bill), otherwise the client exits 1:
a count of failed requests would not be comparable with anything. Deterministic: the bill mix
and its phone numbers depend only on the bill's number and on FILE (the sheet numbers).
"""
import http.client
import json
import sys

LIST_PATH = "/api/customer-tracking/contacts?status=pending&limit=50"
ITEMS = ('"items":[{"medicine":"Metformin 500mg","quantity":30,'
         '"unit_price_paise":350,"duration_days":30}]')


class Client:
    def __init__(self, port, token=None):
        self.connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)
        self.headers = {"Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = "Bearer " + token

    def request(self, method, path, body, expected):
        self.connection.request(method, path, body=body, headers=self.headers)
        answer = self.connection.getresponse()
        data = answer.read()
        if answer.status != expected:
            sys.exit(f"client.py: {method} {path} answered {answer.status}: {data[:300]!r}")
        return data


def walk_in_phone(number):
    # As bill_create.lua's first kind: a number never used before ("98", run, thread, serial),
    # here run 1 and thread 1.
    return "9811%06d" % (number // 3 % 1000000)


def bill_body(number, sheet_phones):
    """Bill `number` (from 1) of the mix bill_create.lua posts, in the same rotation: a walk-in
    with a new number, a returning customer (one of the walk-ins billed before), a contact-sheet
    number buying for the first time (a conversion)."""
    kind = number % 3
    if kind == 0:
        return ('{"customer":{"phone":"%s","name":"Walk-in"},'
                '"customer_category":"first_time_prescription","was_contacted_before":false,%s}'
                % (walk_in_phone(number), ITEMS))
    if kind == 1:
        # The walk-ins so far are bills 3, 6, ... below `number`; one of them, spread over all.
        walk_ins = number // 3
        earlier = 3 * (1 + (number * 7919) % walk_ins) if walk_ins else None
        phone = walk_in_phone(earlier) if earlier else sheet_phones[-1]
        return '{"customer":{"phone":"%s"},"was_contacted_before":false,%s}' % (phone, ITEMS)
    phone = sheet_phones[(number // 3) % len(sheet_phones)]
    return ('{"customer":{"phone":"%s"},"customer_category":"contact_sheet",'
            '"was_contacted_before":true,%s}' % (phone, ITEMS))


def main(argv):
    port, command = argv[1], argv[2]
    if command == "sign-in":
        client = Client(port)
        body = json.dumps({"email": argv[3], "password": argv[4]})
        print(json.loads(client.request("POST", "/api/auth/login", body, 200))["token"])
    elif command == "list":
        client = Client(port, argv[3])
        for _ in range(int(argv[4])):
            client.request("GET", LIST_PATH, None, 200)
    elif command == "sheet-phones":
        # Pending contacts from the far end of the list (the oldest first), which the measured
        # lists (newest first) never show; each is billed at most once.
        client = Client(port, argv[3])
        wanted = int(argv[4])
        page = json.loads(client.request(
            "GET", f"/api/customer-tracking/contacts?status=pending&sort=oldest&limit={wanted}",
            None, 200))
        phones = [item["phone"] for item in page["items"]]
        if len(phones) < wanted:
            sys.exit(f"client.py: only {len(phones)} pending contacts")
        with open(argv[5], "w") as out:
            out.write("\n".join(phones) + "\n")
    elif command == "bills":
        client = Client(port, argv[3])
        first, count = int(argv[4]), int(argv[5])
        with open(argv[6]) as f:
            sheet_phones = [line.strip() for line in f if line.strip()]
        for number in range(first + 1, first + count + 1):
            client.request("POST", "/api/bills", bill_body(number, sheet_phones), 201)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
