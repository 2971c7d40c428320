"""Small, fast fixtures for the store tests: an Advice object built directly (no engine, no TensorFlow)."""

from __future__ import annotations

from bot.engine.advice import Advice

CITATION = {"document": "nfk-threshold", "title": "The Norfolk Threshold Guide", "section": "Section 47", "seed": "x"}


def advice(level: int = 4, tell_parents: bool = True, matched: str = "Tyler hit her with a belt") -> Advice:
    """A level-4 Norfolk advice whose matched words contain a (fictional) name, to prove it is not logged."""
    return Advice.parse_obj({
        "area": "norfolk", "area_name": "Norfolk", "level": level, "level_name": "Tier 4", "route": "cads",
        "s47": level == 4, "contact": {"service": "CADS", "phones": ["0344 800 8020"], "how": "Phone CADS"},
        "then": ["Record the call."],
        "consent": {"needed": False, "tell_parents": tell_parents, "advice": f"Consent is not needed ({matched}).",
                    "record": ["What you shared"], "source": CITATION,
                    "reason": ("significant_harm_share_and_tell_parents" if tell_parents
                               else "significant_harm_do_not_tell:user_said_risky")},
        "indicators": [{"id": "nfk-s47-01", "text": "Physical abuse", "level": 4, "domain": "d", "subdomain": "s",
                        "s47": True, "source": CITATION, "matched": matched, "concept": "physical_abuse",
                        "label": "physical abuse"}],
        "rationale": [f"You said {matched}"], "guidance_version": "abc123def456",
    })
