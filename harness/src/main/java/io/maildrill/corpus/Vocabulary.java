package io.maildrill.corpus;

import java.nio.charset.StandardCharsets;

/**
 * Built-in word lists for plausible names, subjects and text. Words are kept pre-encoded as
 * bytes so the generator's hot path never encodes strings. No ASCII word starts with "." or is
 * "From" (mbox quoting would alter it), so text lines never trip dot-stuffing by accident.
 */
final class Vocabulary {

    static final String[] FIRST_NAMES = {
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Ines", "Jonas",
        "Karin", "Leo", "Maya", "Nils", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tara",
        "Umar", "Vera", "Walter", "Xenia", "Yusuf", "Zoe", "Amir", "Beatrix", "Carlos", "Dana",
    };

    static final String[] LAST_NAMES = {
        "Adler", "Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
        "Kowalski", "Lambert", "Moreau", "Novak", "Olsen", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka",
        "Ulrich", "Varga", "Weber", "Young", "Zimmer", "Keller", "Lindqvist", "Murphy", "Nakamura", "Okafor",
    };

    /** Display names with non-ASCII letters, paired by position with {@link #UNICODE_LOCAL_PARTS}. */
    static final String[] UNICODE_NAMES = {
        "Jürgen Müller", "Zoë Lefèvre", "Søren Ødegård", "José Núñez", "Łukasz Wałęsa",
        "Ægir Þórsson", "Françoise Dupré", "Dvořák Šimon", "Ελένη Παππά", "Иван Петров", "山田 太郎",
    };

    static final String[] UNICODE_LOCAL_PARTS = {
        "juergen.mueller", "zoe.lefevre", "soren.odegard", "jose.nunez", "lukasz.walesa",
        "aegir.thorsson", "francoise.dupre", "simon.dvorak", "eleni.pappa", "ivan.petrov", "taro.yamada",
    };

    static final String[] DOMAINS = {"example.test", "example.org", "mail.example.test", "lists.example.org"};

    static final String[] WORDS = {
        "account", "agenda", "answer", "archive", "attached", "budget", "build", "calendar", "change",
        "client", "cluster", "comment", "config", "contract", "data", "deadline", "delivery", "design",
        "draft", "estimate", "event", "feedback", "figure", "final", "folder", "forecast", "garden",
        "handover", "holiday", "idea", "invoice", "issue", "journal", "kitchen", "launch", "letter",
        "library", "lunch", "market", "meeting", "memo", "minutes", "mirror", "monday", "network",
        "notes", "office", "order", "outline", "package", "paper", "party", "payment", "plan", "policy",
        "project", "proposal", "quarter", "question", "receipt", "release", "reminder", "report",
        "request", "review", "roadmap", "schedule", "server", "service", "session", "shipment", "sketch",
        "status", "summary", "survey", "team", "ticket", "timeline", "travel", "update", "version",
        "weekly", "workshop", "the", "a", "and", "of", "to", "in", "for", "on", "with", "we", "you",
        "please", "thanks", "see", "about", "next", "last", "our", "your", "new", "old", "quick",
        "short", "long", "early", "late", "again", "still", "soon", "today", "tomorrow", "yesterday",
        "will", "can", "should", "might", "need", "send", "check", "confirm", "share", "move", "keep",
        "find", "read", "write", "sign", "book", "call", "join", "open", "close", "start", "finish",
    };

    /** Words with non-ASCII letters for 8-bit bodies and encoded headers. */
    static final String[] UNICODE_WORDS = {
        "café", "naïve", "Grüße", "façade", "Übersicht", "résumé", "smörgåsbord", "jalapeño",
        "Ångström", "crème", "brûlée", "Straße", "日本語", "привет", "Ελληνικά", "mañana", "zażółć",
        "čeština", "€100", "½", "“quoted”", "—",
    };

    static final byte[][] WORD_BYTES = encode(WORDS);
    static final byte[][] UNICODE_WORD_BYTES = encode(UNICODE_WORDS);

    private static byte[][] encode(String[] words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private Vocabulary() {
    }
}
