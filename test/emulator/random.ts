/** Seeded random source (mulberry32), so that a test run is reproducible. */
export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(values: readonly T[]): T {
		return values[Math.floor(this.next() * values.length)];
	}

	uuid(): string {
		const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
		hex[12] = '4';
		hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
		const text = hex.join('');
		return [
			text.slice(0, 8),
			text.slice(8, 12),
			text.slice(12, 16),
			text.slice(16, 20),
			text.slice(20),
		].join('-');
	}
}
