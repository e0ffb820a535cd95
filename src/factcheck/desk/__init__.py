"""The review desk: fact-checkers triage and rate claims in the browser (`factcheck serve`).

Server-rendered pages over the published database (read-only) and the verdict log, read in
this order:

    accounts.py   reviewer accounts and their scrypt password hashes
    access.py     sessions, CSRF tokens, the failed-login throttle
    text.py       article text cut into paragraphs with the claim marked; short forms
    pending.py    verdicts recorded but not yet published
    pages.py      one dataclass and one loader per page, from the database
    app.py        the FastAPI routes that put these together; templates/ and static/
    server.py     `factcheck serve`: uvicorn on 127.0.0.1 unless told otherwise
"""
