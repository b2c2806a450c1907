"""The demo site's bilingual content, built from the seeds in /work/shared/seeds.

Quoted wording is the customer's (seeds 000, 001 and 004); the rest is written for
the demo in the programme's spirit. Every text is given in English and Spanish.
"""
