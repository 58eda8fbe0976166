package org.sightline.privacy.tables;

/**
 * The orthonormal Helmert basis of each characteristic type, applied along every axis of a
 * full-domain vector (a tensor product transform).
 *
 * <p>Row 0 of the m x m matrix is constant, {@code 1/sqrt(m)}; row j &gt;= 1 is the contrast of
 * value j against values 0..j-1: {@code 1/sqrt(j(j+1))} on them, {@code -j/sqrt(j(j+1))} on j.
 * What matters is that the constant vector is a basis vector: summing over a type (the matrix J of
 * ones) is then diagonal in this basis (m on the constant, 0 on every contrast), which is what
 * decouples the least-squares problem into frequency classes.
 */
final class Helmert {

    private final Characteristics characteristics;
    private final double[][][] matrices;

    Helmert(Characteristics characteristics) {
        this.characteristics = characteristics;
        matrices = new double[characteristics.typeCount()][][];
        for (int t = 0; t < matrices.length; t++) {
            matrices[t] = matrix(characteristics.valueCount(t));
        }
    }

    static double[][] matrix(int m) {
        double[][] h = new double[m][m];
        for (int i = 0; i < m; i++) {
            h[0][i] = 1 / Math.sqrt(m);
        }
        for (int j = 1; j < m; j++) {
            double scale = 1 / Math.sqrt((double) j * (j + 1));
            for (int i = 0; i < j; i++) {
                h[j][i] = scale;
            }
            h[j][j] = -j * scale;
        }
        return h;
    }

    /** Replaces {@code data} (full-domain values) by its coefficients: H applied along every axis. */
    void forward(double[] data) {
        apply(data, false);
    }

    /** The inverse of {@link #forward}: H transposed along every axis. */
    void inverse(double[] data) {
        apply(data, true);
    }

    private void apply(double[] data, boolean transpose) {
        int size = characteristics.fullSize();
        for (int t = 0; t < matrices.length; t++) {
            int m = characteristics.valueCount(t);
            if (m == 1) {
                continue; // H = [1]
            }
            double[][] h = matrices[t];
            int stride = characteristics.fullStride(t);
            double[] line = new double[m];
            for (int block = 0; block < size; block += m * stride) {
                for (int inner = 0; inner < stride; inner++) {
                    int base = block + inner;
                    for (int i = 0; i < m; i++) {
                        line[i] = data[base + i * stride];
                    }
                    for (int j = 0; j < m; j++) {
                        double sum = 0;
                        for (int i = 0; i < m; i++) {
                            sum += (transpose ? h[i][j] : h[j][i]) * line[i];
                        }
                        data[base + j * stride] = sum;
                    }
                }
            }
        }
    }
}
