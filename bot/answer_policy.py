"""Every service question is answered by `action_answer`: one policy instead of a rule per intent.

Why: a question type is data (NLU examples, the domain's intent list, an answer in each town's
knowledge file). With a rule per intent, adding one meant a rule as well, and the rules were a
second copy of the intent list. This policy predicts `action_answer` right after a resident's
message whose intent is a service intent (bot/kb/intents.py, which reads the domain), then
`action_listen`. Everything that differs from "answer it from the file" (urgent replies first, the
non-emergency checklist, the town question, chit-chat) stays a rule in bot/data/rules.yml; the
RulePolicy outranks this one (priority 6 against 5) when both predict.

The fallback and out-of-scope turns are here too, because they depend on the conversation: a
short message the classifier could not place, right after an answer ("how much does it cost?",
"and their hours?"), goes to `action_follow_up`, which answers it from the last answer or says
exactly what the fallback would. Otherwise the fallback's domain response (911 first) and
"Did you mean…?", or the out-of-scope response. Urgent intents never reach this policy's
branches: their rules come first.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.follow_ups import is_short
from bot.kb.intents import SERVICE_INTENTS

ANSWER_ACTION = "action_answer"
FOLLOW_UP_ACTION = "action_follow_up"
FALLBACK_INTENT = "nlu_fallback"
OUT_OF_SCOPE_INTENT = "out_of_scope"
# intent -> the domain responses and action that answer it when it is no follow-up
NOT_PLACED: dict[str, tuple[str, ...]] = {
    FALLBACK_INTENT: ("utter_fallback", "action_did_you_mean"),
    OUT_OF_SCOPE_INTENT: ("utter_out_of_scope",),
}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class KnowledgeAnswerPolicy(Policy):
    """After a service intent: `action_answer`; after that answer: listen."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 5}

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn: the intents come from the domain. An empty resource keeps Rasa's
        graph (which loads every policy from the trained model) happy."""
        with self._model_storage.write_to(self._resource):
            pass
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> KnowledgeAnswerPolicy:
        return cls(config, model_storage, resource, execution_context)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None
        following = self._next_action(tracker, intent)
        if following is not None:
            probabilities[domain.index_for_action(following)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def _next_action(tracker: DialogueStateTracker, intent: str | None) -> str | None:
        latest = tracker.latest_action_name
        if intent in SERVICE_INTENTS:
            if latest == ACTION_LISTEN_NAME:
                return ANSWER_ACTION
            return ACTION_LISTEN_NAME if latest == ANSWER_ACTION else None
        if intent not in NOT_PLACED:
            return None
        steps = NOT_PLACED[intent]
        if latest == ACTION_LISTEN_NAME:
            text = tracker.latest_message.text or ""
            if tracker.get_slot("last_topic") and is_short(text) and not text.startswith("/"):
                return FOLLOW_UP_ACTION
            return steps[0]
        if latest == FOLLOW_UP_ACTION or latest == steps[-1]:
            return ACTION_LISTEN_NAME
        if latest in steps:
            return steps[steps.index(latest) + 1]
        return None
