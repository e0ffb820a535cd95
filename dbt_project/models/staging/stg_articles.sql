-- One row per distinct article: the copy with the smallest key among those with the same
-- text (macros/staged_articles.sql, which the articles mart also uses on tonight's texts).
{{ staged_articles() }}
