"""Prints, as ProtoJSON, the AgentCard that AG2's ``build_card`` makes by default.

Used by the deviation tests: the card is built exactly as AG2 users get it (an Agent
on AG2's TestConfig model, no ``skills=``), so our validator's verdict on it is the
verdict on what AG2 serves out of the box.
"""

import json

from ag2 import Agent
from ag2.a2a import build_card
from ag2.testing import TestConfig
from google.protobuf.json_format import MessageToDict

agent = Agent("ag2_default", "You greet the caller.", config=TestConfig("hi"))
card = build_card(agent, url="http://127.0.0.1:1/a2a/jsonrpc")
print(json.dumps(MessageToDict(card)))
