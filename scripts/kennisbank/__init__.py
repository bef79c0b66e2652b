"""Kennisbank Aanpak Jeugdwerkloosheid: practice files in, validated catalogue and site pages out.

The stages, in order (see ``pipeline.STAGES``): load (files -> raw front matter and body),
validate (raw -> typed ``Practice`` objects plus problems), catalogue (all practices with their
vocabularies and cross-file checks), generate (catalogue -> pages for MkDocs).
"""
