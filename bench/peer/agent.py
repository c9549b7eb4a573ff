"""The benchmark's peer: a Pipecat (1.14) Twilio Media Streams voice agent.

It is built the way Pipecat documents a Twilio bot: a FastAPI WebSocket endpoint, the
`FastAPIWebsocketTransport` with Pipecat's `TwilioFrameSerializer`, Deepgram live STT, an
OpenAI-compatible LLM and OpenAI TTS, Silero VAD for turn-taking and barge-in. Every provider
is pointed at `switchboard mock-providers`, the same stand-ins Switchboard's load benchmark
uses, so the two agents are compared on their own cost, not on a provider's.

    python bench/peer/agent.py --port 8766 --mock http://127.0.0.1:8787

Configuration travels in environment variables as well as flags, because with `--workers N`
uvicorn imports this module afresh in each worker process.
"""

import argparse
import json
import os
import sys

from fastapi import FastAPI, WebSocket
from fastapi.responses import PlainTextResponse
from loguru import logger

# Pipecat logs every frame-level event at DEBUG through loguru; at load that logging alone
# would be a large part of the peer's CPU, which is not what the benchmark compares.
logger.remove()
logger.add(sys.stderr, level=os.environ.get("PEER_LOG_LEVEL", "WARNING"))

from pipecat.audio.vad.silero import SileroVADAnalyzer  # noqa: E402
from pipecat.audio.vad.vad_analyzer import VADParams  # noqa: E402
from pipecat.frames.frames import LLMRunFrame  # noqa: E402
from pipecat.pipeline.pipeline import Pipeline  # noqa: E402
from pipecat.pipeline.worker import PipelineParams, PipelineWorker  # noqa: E402
from pipecat.processors.aggregators.llm_context import LLMContext  # noqa: E402
from pipecat.processors.aggregators.llm_response_universal import (  # noqa: E402
    LLMContextAggregatorPair,
    LLMUserAggregatorParams,
)
from pipecat.serializers.twilio import TwilioFrameSerializer  # noqa: E402
from pipecat.services.deepgram.stt import DeepgramSTTService  # noqa: E402
from pipecat.services.openai.llm import OpenAILLMService  # noqa: E402
from pipecat.services.openai.tts import OpenAITTSService  # noqa: E402
from pipecat.transports.websocket.fastapi import (  # noqa: E402
    FastAPIWebsocketParams,
    FastAPIWebsocketTransport,
)
from pipecat.turns.user_stop import SpeechTimeoutUserTurnStopStrategy  # noqa: E402
from pipecat.turns.user_turn_strategies import UserTurnStrategies  # noqa: E402
from pipecat.workers.runner import WorkerRunner  # noqa: E402

MOCK = os.environ.get("PEER_MOCK", "http://127.0.0.1:8787").rstrip("/")
GREETING = os.environ.get("PEER_GREETING", "1") == "1"
TURN = os.environ.get("PEER_TURN", "vad")
STOP_SECS = float(os.environ.get("PEER_STOP_SECS", "0.2"))
SPEECH_TIMEOUT = float(os.environ.get("PEER_SPEECH_TIMEOUT", "0.6"))
SYSTEM_PROMPT = "You are the receptionist of Sunrise Clinic. Answer in one or two short sentences."

app = FastAPI()


@app.get("/healthz", response_class=PlainTextResponse)
async def healthz() -> str:
    return "ok\n"


async def read_start(websocket: WebSocket) -> dict | None:
    """Reads Twilio's opening messages up to `start` (`connected` comes first) and returns
    the `start` body; None when the socket ends or sends something else first."""
    while True:
        text = await websocket.receive_text()
        try:
            message = json.loads(text)
        except json.JSONDecodeError:
            logger.warning(f"not JSON before start: {text[:80]!r}")
            return None
        event = message.get("event")
        if event == "connected":
            continue
        if event == "start":
            return message.get("start") or {}
        logger.warning(f"expected connected/start, got {event!r}")
        return None


def turn_strategies() -> UserTurnStrategies | None:
    """`vad`: the turn ends SPEECH_TIMEOUT s after Silero's end of speech (with a transcript).
    `smart`: Pipecat's default stop strategy, the Smart Turn v3 model shipped in the wheel."""
    if TURN == "smart":
        return None
    return UserTurnStrategies(
        stop=[SpeechTimeoutUserTurnStopStrategy(user_speech_timeout=SPEECH_TIMEOUT)]
    )


@app.websocket("/media")
async def media(websocket: WebSocket) -> None:
    await websocket.accept()
    start = await read_start(websocket)
    if start is None:
        await websocket.close(code=1008)
        return

    serializer = TwilioFrameSerializer(
        stream_sid=start.get("streamSid", ""),
        call_sid=start.get("callSid"),
        # There is no Twilio account behind the benchmark: ending the call is the caller's
        # `stop` and the socket's close, never a REST request.
        params=TwilioFrameSerializer.InputParams(auto_hang_up=False),
    )
    transport = FastAPIWebsocketTransport(
        websocket=websocket,
        params=FastAPIWebsocketParams(
            audio_in_enabled=True,
            audio_out_enabled=True,
            add_wav_header=False,
            serializer=serializer,
        ),
    )
    stt = DeepgramSTTService(api_key="mock", base_url=MOCK.replace("http", "ws", 1))
    llm = OpenAILLMService(
        api_key="mock", base_url=f"{MOCK}/v1", settings=OpenAILLMService.Settings(model="gpt-4.1", system_instruction=SYSTEM_PROMPT)
    )
    # OpenAI's speech endpoint answers 24 kHz pcm; the serializer resamples it to 8 kHz µ-law.
    tts = OpenAITTSService(api_key="mock", base_url=f"{MOCK}/v1", sample_rate=24000)

    context = LLMContext()
    user, assistant = LLMContextAggregatorPair(
        context,
        user_params=LLMUserAggregatorParams(
            vad_analyzer=SileroVADAnalyzer(params=VADParams(stop_secs=STOP_SECS)),
            user_turn_strategies=turn_strategies(),
        ),
    )
    pipeline = Pipeline(
        [transport.input(), stt, user, llm, tts, transport.output(), assistant]
    )
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(audio_in_sample_rate=8000, audio_out_sample_rate=8000),
    )

    @transport.event_handler("on_client_connected")
    async def on_client_connected(transport, client):
        if GREETING:
            # As Pipecat's Twilio example: the agent speaks first. The mock answers the
            # first chat request with the first line of its --replies file.
            await worker.queue_frames([LLMRunFrame()])

    @transport.event_handler("on_client_disconnected")
    async def on_client_disconnected(transport, client):
        await worker.cancel()

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    await runner.run()


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Pipecat Twilio agent against switchboard mock-providers (benchmark peer)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--mock", default=MOCK, help="switchboard mock-providers base URL")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--turn", choices=["vad", "smart"], default=TURN)
    parser.add_argument("--stop-secs", type=float, default=STOP_SECS,
                        help="Silero: silence before end of speech (Pipecat's default 0.2)")
    parser.add_argument("--speech-timeout", type=float, default=SPEECH_TIMEOUT,
                        help="--turn vad: wait after end of speech (Pipecat's default 0.6)")
    parser.add_argument("--no-greeting", action="store_true", help="wait for the caller")
    parser.add_argument("--log-level", default=os.environ.get("PEER_LOG_LEVEL", "WARNING"))
    args = parser.parse_args()

    os.environ.update(
        PEER_MOCK=args.mock,
        PEER_TURN=args.turn,
        PEER_STOP_SECS=str(args.stop_secs),
        PEER_SPEECH_TIMEOUT=str(args.speech_timeout),
        PEER_GREETING="0" if args.no_greeting else "1",
        PEER_LOG_LEVEL=args.log_level,
    )
    import uvicorn

    uvicorn.run(
        "agent:app",
        app_dir=os.path.dirname(os.path.abspath(__file__)),
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        ws_max_size=1 << 20,
    )


if __name__ == "__main__":
    main()
