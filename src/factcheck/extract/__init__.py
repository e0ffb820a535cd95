"""Rule-based extraction of claims and actor mentions from one article.

No models are downloaded: the rules below encode the general patterns of news writing
(quotation, attribution, apposition, titles) and a curated dictionary (the dbt seeds) names
the actors the rules cannot type on their own. Every function is pure: article text in,
records out, so the same input always gives the same claims.

Modules, in the order a reader needs them: `lexicon` (word lists and the dictionary),
`text` (quotes, sentences, capitalised name runs), `names` (who a phrase refers to),
`claims`, `mentions`, `scoring` (check-worthiness), and `article` which runs them all.
"""
